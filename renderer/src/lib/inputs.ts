/** Input attributes shared by forms. */

/** Numbers and phones: typed left to right, right-aligned, digits drawn Persian by the UI font. */
export const ltrInput = { dir: 'ltr' as const, style: { textAlign: 'right' as const } };

/**
 * Links and handles: left to right with Latin digits, as they must be typed and copied elsewhere
 * (the UI font would draw `@clinic2` or a map link's coordinates with Persian digits).
 */
export const latinInput = {
  dir: 'ltr' as const,
  style: { textAlign: 'right' as const, fontFamily: 'Vazirmatn, Tahoma, sans-serif' },
};

/** A select whose empty value has its own option («همه»): show that option and keep the label up. */
export const emptySelectProps = {
  select: { displayEmpty: true },
  inputLabel: { shrink: true },
} as const;
