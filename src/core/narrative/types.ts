/** Narrative text cells (预算说明, project texts) that state amounts, shares and changes. */
export interface NarrativeCell {
  sheet: string;
  row: number;
  col: number;
  text: string;
}
