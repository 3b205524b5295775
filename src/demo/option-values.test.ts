import { describe, expect, test } from 'vitest';
import { attributeNames } from '../embed/attributes';
import { optionFields, type OptionName } from './option-fields';
import { chosenOptions, defaultValues, problemWith, widgetOptions, type FieldValues } from './option-values';

function fieldNamed(name: OptionName) {
  return optionFields.find((field) => field.name === name)!;
}

function values(changes: Partial<FieldValues>): FieldValues {
  return { ...defaultValues(), botId: 'demo', ...changes };
}

describe('the table of options', () => {
  test('has one field for every option the widget takes, under the widget’s attribute names', () => {
    expect(optionFields.map((field) => field.name).sort()).toEqual(Object.keys(attributeNames).sort());
    for (const field of optionFields) expect(field.attribute).toBe(attributeNames[field.name]);
  });

  test('names the title chat-title on the element, where title would be a tooltip', () => {
    expect(fieldNamed('title').elementAttribute).toBe('chat-title');
    expect(fieldNamed('welcomeMessage').elementAttribute).toBe('welcome-message');
  });

  test('gives every field a default it accepts itself', () => {
    for (const field of optionFields.filter((field) => !field.isRequired))
      expect(problemWith(field, field.default), field.name).toBeUndefined();
  });
});

describe('chosenOptions', () => {
  test('leaves out every field at its default, however it is spelled', () => {
    const chosen = chosenOptions(
      values({
        stream: 'true',
        starters: '[ ]',
        strings: ' {\n} ',
        replyTimeout: '30000.0',
        theme: 'auto',
        persist: 'local',
        title: '',
      }),
    );
    expect(chosen.map(({ field }) => field.name)).toEqual(['botId']);
  });

  test('turns the text of each kind of field into the value mount() takes, in the table’s order', () => {
    const chosen = chosenOptions(
      values({
        open: 'true',
        stream: 'false',
        stallTimeout: '5000',
        starters: '["Hi", "Price?"]',
        strings: '{"send": "Go"}',
        title: 'Ask us',
        accentColor: '#0f766e',
      }),
    );
    expect(widgetOptions(chosen)).toEqual({
      botId: 'demo',
      stream: false,
      title: 'Ask us',
      starters: ['Hi', 'Price?'],
      strings: { send: 'Go' },
      accentColor: '#0f766e',
      open: true,
      stallTimeout: 5000,
    });
    expect(Object.keys(widgetOptions(chosen))).toEqual([
      'botId',
      'stream',
      'title',
      'starters',
      'strings',
      'accentColor',
      'open',
      'stallTimeout',
    ]);
  });
});

describe('problemWith', () => {
  test('says what is wrong with invalid JSON, JSON of the wrong shape, and unknown text keys', () => {
    expect(problemWith(fieldNamed('starters'), '["Hi",')).toMatch(/^Not valid JSON: /);
    expect(problemWith(fieldNamed('starters'), '{"a": "b"}')).toBe('Needs a JSON array of strings, such as ["Hello"].');
    expect(problemWith(fieldNamed('starters'), '[1, 2]')).toBe('Needs a JSON array of strings, such as ["Hello"].');
    expect(problemWith(fieldNamed('strings'), '["Go"]')).toBe(
      'Needs a JSON object of strings, such as {"send": "Go"}.',
    );
    expect(problemWith(fieldNamed('strings'), '{"send": 1}')).toBe(
      'Needs a JSON object of strings, such as {"send": "Go"}.',
    );
    expect(problemWith(fieldNamed('strings'), '{"send": "Go", "sned": "Go", "tilte": "Hi"}')).toBe(
      'Unknown keys: sned, tilte.',
    );
    expect(problemWith(fieldNamed('strings'), '{"send": "Go"}')).toBeUndefined();
  });

  test('requires a bot id, full http(s) addresses, milliseconds above 0 and one of the choices', () => {
    expect(problemWith(fieldNamed('botId'), ' ')).toBe('Required.');
    expect(problemWith(fieldNamed('apiBase'), 'localhost:5173')).toBe(
      'Needs a full http(s) address, such as https://example.com.',
    );
    expect(problemWith(fieldNamed('avatar'), 'javascript:alert(1)')).toBe(
      'Needs a full http(s) address, such as https://example.com.',
    );
    expect(problemWith(fieldNamed('apiBase'), 'http://localhost:5173')).toBeUndefined();
    expect(problemWith(fieldNamed('replyTimeout'), '0')).toBe('Needs a number of milliseconds, above 0.');
    expect(problemWith(fieldNamed('replyTimeout'), 'soon')).toBe('Needs a number of milliseconds, above 0.');
    expect(problemWith(fieldNamed('theme'), 'neon')).toBe('Not one of the choices: neon.');
    expect(problemWith(fieldNamed('open'), 'yes')).toBe('Needs true or false.');
  });
});
