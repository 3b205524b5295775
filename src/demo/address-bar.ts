// The playground keeps its options in the address bar, so a link shows someone else the
// same widget. Only what differs from the page's starting values is written: links stay short.
import { optionFields, type OptionField } from './option-fields';
import { canonicalText, type FieldValues } from './option-values';

/** The query string for `values`, valid ones, without the fields still at `start` or secret. */
export function queryFor(values: FieldValues, start: FieldValues): string {
  const query = new URLSearchParams();
  for (const field of optionFields.filter(({ isSecret }) => !isSecret)) {
    const text = spelling(field, values[field.name]);
    if (text !== spelling(field, start[field.name])) query.set(field.name, text);
  }
  const search = query.toString();
  return search === '' ? '' : `?${search}`;
}

function spelling(field: OptionField, text: string): string {
  return text.trim() === '' ? '' : canonicalText(field, text);
}

/** The fields a query string sets, over `start`; parameters that are no option are ignored. */
export function valuesFrom(query: URLSearchParams, start: FieldValues): FieldValues {
  const values = { ...start };
  for (const field of optionFields) values[field.name] = query.get(field.name) ?? values[field.name];
  return values;
}
