/** UI strings of the impact-logic canvas (vaikutuslogiikka), under `picture.impact.*`; en is the type. */
export const en = {};
export const fi: typeof en = {};
export const sv: typeof en = {};
