import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../ingest/index.ts';
import { openStore, type Store } from '../store/index.ts';
import type { ScreenResult } from './findings.ts';
import { screenShipments } from './run.ts';
import { bill, loadFacts } from './testing.ts';

// Screening synthetic bills of lading (fictitious consignees) against the real lists: the DHS
// UFLPA Entity List excerpt and the OFAC SDN list of 3 May 2024 from ../shared/data. Skipped
// when that folder is absent (a fresh clone): the data is not part of the repository.
const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const UFLPA = join(DATA, 'uflpa-entity-list-excerpt.html');
const SDN = join(DATA, 'ofac-sdn-2024-05-03.csv');

describe.skipIf(!existsSync(UFLPA) || !existsSync(SDN))(
  'screening against the real UFLPA and OFAC lists',
  () => {
    let store: Store;
    let results: ScreenResult[];
    const get = (id: string) => results.find((r) => r.id === id) as ScreenResult;

    beforeAll(async () => {
      store = await openStore(':memory:');
      await runImport(store, { format: 'uflpa-html', paths: [UFLPA], rejectDir: tmpdir() });
      await runImport(store, { format: 'ofac-sdn-csv', paths: [SDN], rejectDir: tmpdir() });
      const us = { name: 'EXAMPLE IMPORTS LLC', country: 'US' };
      await loadFacts(store, {
        shipments: [
          // The UFLPA entry's alias, as a bill would spell it.
          bill({
            id: 'R1',
            date: '2025-02-01',
            shipper: { name: 'XINJIANG JOINWORLD CO LTD', country: 'CN' },
            consignee: us,
            hs: ['760110'],
          }),
          bill({
            id: 'R2',
            date: '2023-03-01',
            shipper: { name: 'HOSHINE SILICON INDUSTRY (SHANSHAN) CO., LTD', country: 'CN' },
            consignee: us,
            hs: ['280469'],
          }),
          bill({
            id: 'R3',
            date: '2023-03-01',
            shipper: { name: 'XINJIANG PRODUCTION AND CONSTRUCTION CORPS', country: 'CN' },
            consignee: us,
            hs: ['520100'],
          }),
          // Listed with effect from 2026-08-03 on the excerpt: not yet in force on 2025-06-01.
          bill({
            id: 'R4',
            date: '2025-03-01',
            shipper: { name: 'Xinjiang Goens Energy Technology Co., Ltd.', country: 'CN' },
            consignee: us,
            hs: ['280461'],
          }),
          bill({
            id: 'R5',
            date: '2025-03-01',
            shipper: { name: 'EXAMPLE FURNITURE (NINGBO) CO LTD', country: 'CN' },
            consignee: us,
            hs: ['940360'],
          }),
        ],
      });
      results = (await screenShipments(store, { asOf: '2025-06-01', workers: 1 })).results;
    }, 120_000);
    afterAll(async () => {
      await store.close();
    });

    it('finds a UFLPA entity by its alias, citing section, date and the match', () => {
      const [f] = get('R1').findings.filter((x) => x.type === 'listed');
      expect(f?.facts).toMatchObject({ list: 'uflpa', programs: '(ii)' });
      expect(f?.evidence.find((e) => e.step === 'membership')?.data).toMatchObject({
        effectiveDate: '2024-11-25',
      });
      expect(f?.evidence.find((e) => e.step === 'name-match')?.data?.explanation).toBeDefined();
      expect(get('R1').risk).toBe('high');
    });

    it('finds Hoshine (UFLPA (i), 2022-06-21) and the XPCC (OFAC SDN, GLOMAG)', () => {
      expect(get('R2').findings.find((x) => x.type === 'listed')?.facts).toMatchObject({
        list: 'uflpa',
        programs: '(i)',
      });
      const xpcc = get('R3').findings.find((x) => x.type === 'listed');
      expect(xpcc?.facts).toMatchObject({ list: 'ofac-sdn', programs: 'GLOMAG' });
      expect(xpcc?.evidence.find((e) => e.step === 'membership')?.record.key).toBe('29299');
    });

    it('does not apply a listing before it takes effect, and stays silent on an unrelated shipper', () => {
      expect(get('R4').findings.filter((x) => x.type === 'listed')).toEqual([]);
      expect(get('R5').findings.filter((x) => x.type !== 'high_priority_sector')).toEqual([]);
    });
  },
);
