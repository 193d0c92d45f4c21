/**
 * The demo delegations' names in Arabic, French, Russian and Spanish come from CLDR
 * (server/demo/cldrNames.ts): the runtime's region names, none made up, and none where CLDR's
 * name is not the delegation's.
 */
import { describe, expect, it } from 'vitest';
import { ALPHA2, CLDR_LANGUAGES, cldrNames } from '../../../server/demo/cldrNames';
import { DEMO_DELEGATIONS } from '../../../server/demo/delegations';

describe('the demo delegations in CLDR names', () => {
  it('names every State the demo knows by its ISO code in Arabic, French, Russian and Spanish, as CLDR does', () => {
    for (const d of DEMO_DELEGATIONS.filter((x) => x.code !== 'PSE')) {
      const region = ALPHA2[d.code];
      expect(region, d.code).toMatch(/^[A-Z]{2}$/);
      for (const lang of CLDR_LANGUAGES) {
        expect(d.name[lang], `${d.code} ${lang}`).toBe(new Intl.DisplayNames([lang], { type: 'region' }).of(region!));
      }
    }
    const byCode = new Map(DEMO_DELEGATIONS.map((d) => [d.code, d.name]));
    expect(byCode.get('DEU')).toMatchObject({ fr: 'Allemagne', es: 'Alemania', ru: 'Германия', ar: 'ألمانيا' });
    expect(byCode.get('EU')).toMatchObject({ fr: 'Union européenne', es: 'Unión Europea' });
  });

  it('keeps the English and Chinese names the fixtures give, whatever CLDR calls them', () => {
    const rus = DEMO_DELEGATIONS.find((d) => d.code === 'RUS')!;
    expect(rus.name).toMatchObject({ en: 'Russian Federation', zh: '俄罗斯联邦', fr: 'Russie' });
    expect(new Intl.DisplayNames(['en'], { type: 'region' }).of('RU')).not.toBe(rus.name.en);
  });

  it('leaves the State of Palestine unnamed in these languages: CLDR names only the Palestinian Territories', () => {
    expect(new Intl.DisplayNames(['en'], { type: 'region' }).of('PS')).toMatch(/Palestinian Territories/);
    const pse = DEMO_DELEGATIONS.find((d) => d.code === 'PSE')!;
    expect(pse.name).toEqual({ en: 'State of Palestine', zh: '巴勒斯坦国' });
    expect(cldrNames('PSE')).toEqual({});
    expect(cldrNames('XYZ')).toEqual({});
  });
});
