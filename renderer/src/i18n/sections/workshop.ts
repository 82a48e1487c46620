/** UI strings of the workshop feature, in their own file so that its work does not collide with the rest; en is the type. */
export const en = {};
export const fi: typeof en = {};
export const sv: typeof en = {};
