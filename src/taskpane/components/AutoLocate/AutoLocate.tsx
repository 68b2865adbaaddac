/**
 * 自动识别: when inputs have no name, lists what the label locator found — input, label, cell, value
 * in 万元, unit — each with a checkbox (high ticked, low unticked, ambiguous a choice). 确认并定义名称
 * defines the names in one write and runs 计算指标. A missing input takes the Excel selection, or in
 * the browser page an address the clerk types and sees the value of first. Inputs found nowhere can
 * be added as a named yellow table on a new sheet (补充缺少的数据), which the clerk then fills.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
} from '@fluentui/react-components';
import type { Inspection } from '../../../app/job';
import { supplementable, type Choice, type SupplementOutcome } from '../../../app/locate';
import { inputDef, type InputName } from '../../../engine/catalogue';
import type { Candidate, Proposal } from '../../../engine/locator';
import type { WorkbookPort } from '../../../workbook/port';
import { useStrings, type Strings } from '../../strings';
import { useAutoLocateStyles } from './AutoLocate.styles';
import { useAutoLocate, type UseAutoLocate } from './useAutoLocate';

export interface AutoLocateProps {
  inspection: Inspection;
  port: WorkbookPort | null;
  busy: boolean;
  /** Excel: the selection's top-left cell; absent in the browser page (the clerk types an address). */
  selectedCell?: () => Promise<string>;
  onConfirm(choices: Choice[]): void;
  /** 补充缺少的数据 for these inputs; absent when the host cannot. */
  onSupplement?(inputs: InputName[]): void;
  /** What 补充缺少的数据 added (the clerk is told to fill it); the browser page says to download it first. */
  supplied?: SupplementOutcome | null;
  browser?: boolean;
}

function valueText(strings: Strings, input: string, c: Candidate): string {
  return strings.autoLocateCandidate(
    c.label,
    `${c.cell}  ${strings.autoLocateValue(c.value, c.unit, inputDef(input as InputName).kind)}`,
  );
}

export function AutoLocate({
  inspection,
  port,
  busy,
  selectedCell,
  onConfirm,
  onSupplement,
  supplied,
  browser,
}: AutoLocateProps): React.ReactElement | null {
  const strings = useStrings();
  const styles = useAutoLocateStyles();
  const locate = useAutoLocate(inspection, port);
  // Found nowhere and not given a cell by the clerk here: what 补充缺少的数据 adds.
  const nowhere = inspection.located ? supplementable(inspection.located).filter((input) => !locate.chosen[input]) : [];
  const suppliedCount = supplied ? Object.keys(supplied.cells).length : 0;
  if (locate.proposals.length === 0 && !supplied) return null;
  const any = Object.values(locate.chosen).some((c) => c !== null);
  return (
    <Accordion collapsible defaultOpenItems={['auto-locate']}>
      <AccordionItem value="auto-locate">
        <AccordionHeader>{strings.autoLocateTitle}</AccordionHeader>
        <AccordionPanel>
          <div className={styles.root} data-testid="auto-locate">
            <Text>{strings.autoLocateHint}</Text>
            {locate.proposals.map((p) => (
              <ProposalRow key={p.input} proposal={p} locate={locate} busy={busy} selectedCell={selectedCell} />
            ))}
            {locate.proposals.length > 0 && (
              <Button appearance="primary" disabled={busy || !any} onClick={() => onConfirm(locate.choices())}>
                {strings.autoLocateConfirm}
              </Button>
            )}
            {onSupplement && nowhere.length > 0 && (
              <>
                <Text>{strings.autoLocateSupplementHint(nowhere)}</Text>
                <Button disabled={busy} onClick={() => onSupplement(nowhere)}>
                  {strings.autoLocateSupplement}
                </Button>
              </>
            )}
            {supplied && (
              <MessageBar intent="success" layout="multiline">
                <MessageBarBody>
                  {browser
                    ? strings.autoLocateSuppliedBrowser(supplied.sheet, suppliedCount)
                    : strings.autoLocateSupplied(supplied.sheet, suppliedCount)}
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

function ProposalRow({
  proposal: p,
  locate,
  busy,
  selectedCell,
}: {
  proposal: Proposal;
  locate: UseAutoLocate;
  busy: boolean;
  selectedCell?: () => Promise<string>;
}): React.ReactElement {
  const strings = useStrings();
  const styles = useAutoLocateStyles();
  const chosen = locate.chosen[p.input];
  if (p.status === 'found')
    return (
      <div className={styles.row}>
        <Checkbox
          label={`${p.input}：${valueText(strings, p.input, p.candidate)}`}
          checked={chosen === p.candidate.cell}
          disabled={busy}
          onChange={(_e, data) => locate.choose(p.input, data.checked ? p.candidate.cell : null)}
        />
        {p.confidence === 'low' && <Text className={styles.detail}>{strings.autoLocateLow}</Text>}
      </div>
    );
  if (p.status === 'ambiguous')
    return (
      <div className={styles.row}>
        <Text weight="semibold">
          {p.input}：{strings.autoLocateChoose}
        </Text>
        <RadioGroup
          value={chosen ?? ''}
          disabled={busy}
          onChange={(_e, data) => locate.choose(p.input, data.value || null)}
          aria-label={p.input}
        >
          {p.candidates.map((c) => (
            <Radio key={c.cell} value={c.cell} label={valueText(strings, p.input, c)} />
          ))}
          <Radio value="" label={strings.autoLocateNone} />
        </RadioGroup>
      </div>
    );
  return <MissingRow input={p.input} locate={locate} busy={busy} selectedCell={selectedCell} />;
}

function MissingRow({
  input,
  locate,
  busy,
  selectedCell,
}: {
  input: string;
  locate: UseAutoLocate;
  busy: boolean;
  selectedCell?: () => Promise<string>;
}): React.ReactElement {
  const strings = useStrings();
  const styles = useAutoLocateStyles();
  const [address, setAddress] = React.useState('');
  const [bad, setBad] = React.useState(false);
  const picked = locate.picked[input];
  const pick = async (cell: string) => setBad(!(await locate.pick(input, cell)));
  return (
    <div className={styles.row}>
      <Text weight="semibold">
        {input}：{strings.autoLocateMissing}
      </Text>
      <div className={styles.pick}>
        {selectedCell ? (
          <Button size="small" disabled={busy} onClick={() => void selectedCell().then(pick)}>
            {strings.autoLocateUseSelection}
          </Button>
        ) : (
          <>
            <Input
              size="small"
              aria-label={`${input} ${strings.autoLocateAddress}`}
              placeholder={strings.autoLocateAddress}
              value={address}
              onChange={(_e, data) => setAddress(data.value)}
            />
            <Button
              size="small"
              aria-label={`${strings.autoLocatePreview} ${input}`}
              disabled={busy || !address.trim()}
              onClick={() => void pick(address)}
            >
              {strings.autoLocatePreview}
            </Button>
          </>
        )}
      </div>
      {picked && (
        <Checkbox
          className={styles.detail}
          label={`${picked.cell}  ${picked.value ?? '（空）'}`}
          checked={locate.chosen[input] === picked.cell}
          onChange={(_e, data) => locate.choose(input, data.checked ? picked.cell : null)}
        />
      )}
      {bad && <Text className={styles.detail}>{strings.autoLocateNoSuchCell}</Text>}
    </div>
  );
}
