/** The in-memory Office.js fake: the browser preview and the tests run the real adapter on it. */
export { loadFakeOffice, createFakeOffice } from './install';
export type { FakeOffice, LoadFakeOfficeOptions } from './install';
export { FakeDocument, FakeSheet } from './document';
export type { FakeCell, FakeConditionalFormat, FakeNote, FakeComment, SyncRecord } from './document';
export { FakeOfficeError, FakeRequestContext } from './runtime';
export { createContext } from './objects';
