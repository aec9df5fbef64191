/** Public surface of the pure core, shared by the CLI, the Excel adapter and the task pane. */
export * from './model/address';
export * from './model/workbook';
export * from './model/numbers';
export * from './model/findings';
export * from './model/edits';
export * from './settings';
export * from './review';
export * from './highlights';
export * from './labels';
export type { MessageMeta, Report, ReviewContext, Rule, RuleMeta } from './context';
