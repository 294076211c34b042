/**
 * Hostile review: a demo register (system.demo, which the bench's city registers come from) must leave the tallies
 * and pairs of migrations 0019 and 0020 equal to counting its base tables.
 */
import { describe, expect, it } from 'vitest';
import { figureClass } from '../../src/domain/figureClass.js';
import { freshLedger } from '../support/ledger.js';

describe('derived data over a demo register (hostile)', () => {
  it('equals counting the base tables', () => {
    const l = freshLedger();
    l.call('system.demo', { members: 600, seed: 11 });
    const all = (sql: string) => l.db.prepare(sql).all();
    expect(all('SELECT count(*) AS n FROM review_declarations')).not.toEqual([{ n: 0 }]);
    expect(all('SELECT organization_id, required_filing, filing_state, n FROM filing_tally WHERE n <> 0 ORDER BY 1, 2, 3')).toEqual(
      all('SELECT coalesce(organization_id, 0) AS organization_id, required_filing, filing_state, count(*) AS n FROM accounts GROUP BY 1, 2, 3 ORDER BY 1, 2, 3'),
    );
    expect(all('SELECT due, organization_id, required_filing, n FROM due_tally WHERE n <> 0 ORDER BY 1, 2, 3')).toEqual(
      all("SELECT coalesce(due_on, '9999-12-31') AS due, coalesce(organization_id, 0) AS organization_id, required_filing, count(*) AS n FROM accounts WHERE filing_state = '未报备' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"),
    );
    expect(all('SELECT campaign_id, organization_id, n FROM response_tally WHERE n <> 0 ORDER BY 1, 2')).toEqual(
      all('SELECT campaign_id, organization_id, count(*) AS n FROM review_declarations WHERE organization_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2'),
    );
    expect(all('SELECT gram, name_pinyin, member_id, status FROM member_bigrams ORDER BY 1, 2, 3')).toEqual(
      all('SELECT DISTINCT lower(substr(m.name, p.pos, 2)) AS gram, m.name_pinyin, m.id AS member_id, m.status FROM members m JOIN member_bigram_positions p ON p.pos < length(m.name) ORDER BY 1, 2, 3'),
    );
    const periods = l.db.prepare('SELECT required_filing AS required, filing_state AS state, capacity, kind, region, figure_class FROM account_periods').all() as never[];
    expect(periods.length).toBeGreaterThan(0);
    expect(periods.filter((p) => (p as { figure_class: number }).figure_class !== figureClass(p))).toEqual([]);
  });
});
