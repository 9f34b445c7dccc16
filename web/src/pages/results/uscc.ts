/** Looks like a unified social credit code (18 characters of its alphabet): the search box's choice. */
export const isUscc = (s: string): boolean => /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s);
