/** The findings grouped by severity, errors first; each links to the cells it is about. */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import type { Finding, Severity } from '../../../engine/types';
import { CellList } from '../CellLink/CellLink';
import { useFindingsListStyles } from './FindingsList.styles';
import { useStrings } from '../../strings';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function groupFindings(findings: readonly Finding[]): { severity: Severity; findings: Finding[] }[] {
  return SEVERITIES.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity) })).filter(
    (group) => group.findings.length > 0,
  );
}

export function FindingsList({ findings }: { findings: readonly Finding[] }): React.ReactElement {
  const strings = useStrings();
  const styles = useFindingsListStyles();
  const groups = groupFindings(findings);
  return (
    <section aria-label={strings.findingsTitle}>
      <Subtitle2 as="h3">{strings.findingsTitle}</Subtitle2>
      {groups.length === 0 ? (
        <Text as="p">{strings.noFindings}</Text>
      ) : (
        <Accordion multiple collapsible defaultOpenItems={['error', 'warning']}>
          {groups.map(({ severity, findings: group }) => (
            <AccordionItem key={severity} value={severity}>
              <AccordionHeader>{strings.severityCount(strings.severity[severity], group.length)}</AccordionHeader>
              <AccordionPanel>
                <div className={styles.list} role="list" aria-label={strings.severity[severity]}>
                  {group.map((finding, i) => (
                    <MessageBar key={`${finding.code}-${i}`} intent={severity} role="listitem" layout="multiline">
                      <MessageBarBody>
                        {finding.message}
                        {finding.cells.length > 0 && (
                          <span className={styles.cells}>
                            <CellList cells={finding.cells} />
                          </span>
                        )}
                      </MessageBarBody>
                    </MessageBar>
                  ))}
                </div>
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </section>
  );
}
