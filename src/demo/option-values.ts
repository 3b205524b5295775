// From the text of the playground's fields to the widget's options: checking each
// field, and picking out the options a snippet has to spell out.
import type { WidgetOptions } from '../options/types';
import { optionFields, type OptionField, type OptionName } from './option-fields';

/** The text of every field, by option name; a checkbox holds `true` or `false`. */
export type FieldValues = Record<OptionName, string>;

/** A value as `mount()` takes it. */
export type OptionValue = string | number | boolean | string[] | Record<string, string>;

/** An option set to something the widget would not pick by itself. */
export interface ChosenOption {
  field: OptionField;
  value: OptionValue;
}

/** Every field at the widget's own default. */
export function defaultValues(): FieldValues {
  return Object.fromEntries(optionFields.map((field) => [field.name, field.default])) as FieldValues;
}

/** What is wrong with a field's text, in words; undefined when the widget can use it. */
export function problemWith(field: OptionField, text: string): string | undefined {
  if (text.trim() === '') return field.isRequired ? 'Required.' : undefined;
  switch (field.kind) {
    case 'text':
      return undefined;
    case 'url':
      return /^https?:\/\/./.test(text) && URL.canParse(text)
        ? undefined
        : 'Needs a full http(s) address, such as https://example.com.';
    case 'select':
      return field.choices?.some((choice) => choice.value === text) ? undefined : `Not one of the choices: ${text}.`;
    case 'boolean':
      return text === 'true' || text === 'false' ? undefined : 'Needs true or false.';
    case 'number':
      return Number(text) > 0 && Number.isFinite(Number(text)) ? undefined : 'Needs a number of milliseconds, above 0.';
    case 'color':
      return isCssColor(text) ? undefined : 'Not a CSS colour.';
    case 'json':
      return jsonProblem(field, text);
  }
}

function jsonProblem(field: OptionField, text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `Not valid JSON: ${(error as Error).message}`;
  }
  if (field.json === 'list') {
    return Array.isArray(value) && value.every((item) => typeof item === 'string')
      ? undefined
      : 'Needs a JSON array of strings, such as ["Hello"].';
  }
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    !Object.values(value).every((item) => typeof item === 'string')
  ) {
    return 'Needs a JSON object of strings, such as {"send": "Go"}.';
  }
  const unknown = Object.keys(value).filter((key) => field.keys && !field.keys.includes(key));
  return unknown.length === 0 ? undefined : `Unknown ${unknown.length === 1 ? 'key' : 'keys'}: ${unknown.join(', ')}.`;
}

/** Browsers know every CSS colour; where there is no CSS (unit tests), any text passes. */
function isCssColor(text: string): boolean {
  return globalThis.CSS?.supports('color', text) ?? true;
}

/** A valid field's text as the option's value. */
function valueOf(field: OptionField, text: string): OptionValue {
  if (field.kind === 'boolean') return text === 'true';
  if (field.kind === 'number') return Number(text);
  if (field.kind === 'json') return JSON.parse(text) as OptionValue;
  return text;
}

/**
 * A valid field's text in one spelling per value (`30000.0` and `30000`, or JSON spaced
 * differently, are the same), to compare it with the default and to keep in the address bar.
 */
export function canonicalText(field: OptionField, text: string): string {
  if (field.kind === 'json') return JSON.stringify(JSON.parse(text));
  if (field.kind === 'number') return String(Number(text));
  return text;
}

/** Whether the widget would do the same without the option. */
function isDefault(field: OptionField, text: string): boolean {
  return text.trim() === '' || canonicalText(field, text) === canonicalText(field, field.default);
}

/** The options that differ from the widget's defaults, in the table's order; `values` must be valid. */
export function chosenOptions(values: FieldValues): ChosenOption[] {
  return optionFields
    .filter((field) => !isDefault(field, values[field.name]))
    .map((field) => ({ field, value: valueOf(field, values[field.name]) }));
}

/** The chosen options as `mount()` takes them. */
export function widgetOptions(chosen: readonly ChosenOption[]): WidgetOptions {
  return Object.fromEntries(chosen.map(({ field, value }) => [field.name, value])) as unknown as WidgetOptions;
}

/** A value as an attribute spells it: JSON for arrays and objects. */
export function attributeText(value: OptionValue): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
