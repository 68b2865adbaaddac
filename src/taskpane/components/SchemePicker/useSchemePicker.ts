/**
 * The scheme choices: the workbook's own 评分方案 sheet when it has one, the engine's presets, and
 * a JSON file the clerk imports. Until the clerk chooses, the job's own default is selected (the
 * workbook's sheet, else the preset stored in the workbook, else 通用).
 */
import { useCallback, useState } from 'react';
import type { Scheme } from '../../../engine/types';
import type { Strings } from '../../strings';
import type { DefaultScheme } from '../App/useJob';
import { readFileText } from '../App/useWorkbook';

export interface SchemeChoice {
  key: string;
  label: string;
  /** What the job gets: undefined = the workbook's own scheme sheet. */
  scheme: string | Scheme | undefined;
}

export interface UseSchemePicker {
  choices: SchemeChoice[];
  selected: SchemeChoice;
  select(key: string): void;
  loadFile(file: File): void;
  fileError: string | null;
}

const FALLBACK_PRESET = '通用';

export function useSchemePicker(
  presets: readonly string[],
  defaults: DefaultScheme,
  strings: Strings,
): UseSchemePicker {
  const [chosen, setChosen] = useState<string | null>(null);
  const [file, setFile] = useState<{ name: string; scheme: Scheme } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const choices: SchemeChoice[] = [];
  if (defaults.workbook) choices.push({ key: 'workbook', label: strings.schemeWorkbook, scheme: undefined });
  for (const name of presets) choices.push({ key: `preset:${name}`, label: strings.schemePreset(name), scheme: name });
  if (file) choices.push({ key: 'file', label: strings.schemeFile(file.name), scheme: file.scheme });
  if (choices.length === 0)
    choices.push({ key: 'default', label: strings.schemePreset(FALLBACK_PRESET), scheme: undefined });

  const byKey = (key: string | null): SchemeChoice | undefined => choices.find((c) => c.key === key);
  const selected =
    byKey(chosen) ??
    (defaults.workbook ? byKey('workbook') : undefined) ??
    byKey(`preset:${defaults.preset ?? FALLBACK_PRESET}`) ??
    choices[0];

  const loadFile = useCallback(
    (f: File) => {
      // The scheme parser (and the engine behind it) loads only when a file is chosen.
      Promise.all([readFileText(f), import(/* webpackChunkName: "scheme-json" */ '../../../engine/schemeJson')])
        .then(([text, { parseSchemeJson }]) => {
          // The engine's messages name the file and the row that is wrong.
          const parsed = parseSchemeJson(text, f.name);
          if (!parsed.scheme) {
            const why = parsed.findings.map((finding) => finding.message).join(' ');
            setFileError(why || strings.schemeFileInvalid(f.name));
            return;
          }
          setFileError(null);
          setFile({ name: f.name, scheme: parsed.scheme });
          setChosen('file');
        })
        .catch(() => setFileError(strings.schemeFileInvalid(f.name)));
    },
    [strings],
  );

  return { choices, selected, select: setChosen, loadFile, fileError };
}
