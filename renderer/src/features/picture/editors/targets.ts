/** What the editor panel is open on: a new item of a kind (maybe for a goal), or an existing one. */
export type EditableKind = 'goal' | 'indicator' | 'budgetLine' | 'cbaItem' | 'cbaSettings' | 'survey';
export interface EditTarget {
  kind: EditableKind;
  id?: string;
  /** A new indicator: the goal it measures. */
  goal?: string;
}
