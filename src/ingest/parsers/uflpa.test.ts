import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEntities, extractTables } from './html-tables.ts';
import { parseAll, tempFile } from './test-helpers.ts';
import { parseUflpaEntry } from './uflpa-entry.ts';
import { sectionOf } from './uflpa-html.ts';

const PAGE = new URL('../../../../shared/data/uflpa-entity-list-excerpt.html', import.meta.url).pathname;

describe('UFLPA entity cell', () => {
  it('separates name, aliases, former names and scope, keeping parentheses that belong to the name', () => {
    expect(
      parseUflpaEntry(
        'Hoshine Silicon Industry (Shanshan) Co., Ltd (including one alias: Hesheng Silicon Industry\n(Shanshan) Co.) and subsidiaries',
      ),
    ).toEqual({
      name: 'Hoshine Silicon Industry (Shanshan) Co., Ltd',
      aliases: ['Hesheng Silicon Industry (Shanshan) Co.'],
      previousNames: [],
      scope: 'and subsidiaries',
      subsidiaries: [],
    });
    expect(
      parseUflpaEntry(
        'Xinjiang\u00a0Goens Energy Co., Ltd. (formerly known as Xinjiang GCL New Energy Material Technology Co., Ltd.; and Xinjiang GCL New Energy Materials Technology Co., Ltd.) ',
      ),
    ).toMatchObject({
      name: 'Xinjiang Goens Energy Co., Ltd.',
      previousNames: [
        'Xinjiang GCL New Energy Material Technology Co., Ltd.',
        'Xinjiang GCL New Energy Materials Technology Co., Ltd.',
      ],
    });
    expect(
      parseUflpaEntry(
        'Sample Glass Engineering Co., Ltd. and its two Zhuhai-based subsidiaries, which include: Alpha Sample Glass Co., Ltd.; and Beta Sample Glass Co., Ltd.',
      ),
    ).toMatchObject({
      name: 'Sample Glass Engineering Co., Ltd.',
      scope:
        'and its two Zhuhai-based subsidiaries, which include: Alpha Sample Glass Co., Ltd.; and Beta Sample Glass Co., Ltd.',
      subsidiaries: ['Alpha Sample Glass Co., Ltd.', 'Beta Sample Glass Co., Ltd.'],
    });
    expect(
      parseUflpaEntry(
        'Changji Esquel Textile Co. Ltd. (also known as Changji Yida Textile) (昌吉溢达纺织有限公司)',
      ),
    ).toMatchObject({
      name: 'Changji Esquel Textile Co. Ltd.',
      aliases: ['Changji Yida Textile', '昌吉溢达纺织有限公司'],
    });
  });

  it('extracts tables tolerantly: entities, unclosed cells, comments and scripts', () => {
    expect(decodeEntities('A&nbsp;&amp;&#x4e2d;&#22269;&bogus;')).toBe('A\u00a0&中国&bogus;');
    const tables = extractTables(
      '<p>Section 2(d)(2)(B)(iv)</p><!-- <table> --><script>var t="<table>"</script><TABLE><tr><th>Entity Name<th>Effective Date<tr><td>A &amp; B<br>Co.<td>May 1, 2023</table>',
    );
    expect(tables).toHaveLength(1);
    expect(sectionOf(tables[0]?.before ?? '')).toBe('(iv)');
    expect(tables[0]?.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Entity Name', 'Effective Date'],
      ['A & B Co.', 'May 1, 2023'],
    ]);
  });

  it('rejects bad dates and section (iii) product rows with their line', async () => {
    const p = tempFile(
      'uflpa-bad.html',
      '<p>(B)(i)</p>\n<table><tr><th>Name of Entity</th><th>Effective Date</th></tr>\n<tr><td>Sample Co., Ltd.</td><td>Someday</td></tr>\n<tr><td>Good Sample Co., Ltd.</td><td>June 21, 2022</td></tr></table>\n<p>(B)(iii)</p><table><tr><td>Sample widgets</td><td></td></tr></table>',
    );
    const { bundles, rejections } = await parseAll('uflpa-html', [p], { dataset: 'uflpa' });
    expect(bundles.map((b) => b.provenance.recordKey)).toEqual(['good-sample-co-ltd#(i)']);
    expect(rejections.map((r) => [r.line, r.reason])).toEqual([
      [3, 'unparseable effective date "Someday"'],
      [5, 'section (iii) lists products, not entities: not imported'],
    ]);
  });

  // Real data lives beside the repo (../shared/data); a fresh clone without it skips this.
  describe.skipIf(!existsSync(PAGE))('on the DHS page excerpt', () => {
    it('reads every section, date, alias and the entity listed in two sections', async () => {
      const { bundles, rejections } = await parseAll('uflpa-html', [PAGE], { dataset: 'uflpa' });
      expect(rejections).toEqual([]);
      expect(bundles).toHaveLength(12);
      const bySection = (s: string) => bundles.filter((b) => b.memberships?.[0]?.program === s).length;
      expect([bySection('(i)'), bySection('(ii)'), bySection('(v)')]).toEqual([2, 7, 3]);
      const hoshine = bundles.find((b) => b.provenance.recordKey.startsWith('hoshine'));
      expect(hoshine?.entities?.[0]?.properties).toMatchObject({
        name: [{ value: 'Hoshine Silicon Industry (Shanshan) Co., Ltd' }],
        alias: [{ value: 'Hesheng Silicon Industry (Shanshan) Co.' }],
      });
      expect(hoshine?.memberships?.[0]).toMatchObject({
        list: 'uflpa',
        program: '(i)',
        effectiveDate: '2022-06-21',
        scope: 'and subsidiaries',
      });
      expect(hoshine?.memberships?.[0]?.rawText).toContain('<td>June 21, 2022</td>');
      const goens = bundles.find((b) => b.provenance.recordKey.startsWith('xinjiang-goens'));
      expect(goens?.entities?.[0]?.properties.name?.[0]?.value).toBe(
        'Xinjiang Goens Energy Technology Co., Ltd.',
      );
      expect(goens?.entities?.[0]?.properties.previousName).toHaveLength(2);
      const tengxiang = bundles.filter((b) => b.provenance.recordKey.startsWith('xinjiang-tengxiang'));
      expect(tengxiang.map((b) => b.entities?.[0]?.id)).toEqual([
        'uflpa-xinjiang-tengxiang-magnesium-products-co-ltd',
        'uflpa-xinjiang-tengxiang-magnesium-products-co-ltd',
      ]);
      expect(tengxiang.map((b) => b.memberships?.[0]?.program)).toEqual(['(ii)', '(v)']);
      const esquel = bundles.find((b) => b.provenance.recordKey.startsWith('changji-esquel'));
      expect(esquel?.memberships?.[0]).toMatchObject({ program: '(v)', effectiveDate: '2024-11-01' });
      expect(esquel?.entities?.[0]?.properties.alias).toEqual([{ value: 'Changji Yida Textile' }]);
    });
  });
});
