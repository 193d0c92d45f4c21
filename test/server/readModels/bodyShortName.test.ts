import { describe, expect, it } from 'vitest';
import { bodyShortName } from '../../../server/readModels/reportInputs';

describe('how a report names the body in running text', () => {
  it('names the Conference of the Parties in each language its name is recorded in', () => {
    const cop = {
      ar: 'مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
      zh: '联合国打击跨国有组织犯罪公约缔约方会议',
      en: 'Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
      fr: 'Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée',
      ru: 'Конференция Участников Конвенции Организации Объединенных Наций против транснациональной организованной преступности',
      es: 'Conferencia de las Partes en la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
    };
    expect(bodyShortName(cop)).toEqual({ ar: 'المؤتمر', zh: '缔约方会议', en: 'the Conference', fr: 'la Conférence', ru: 'Конференция', es: 'la Conferencia' });
  });

  it('keeps the article a name opens with, takes the head noun of a council, and leaves out the languages not given', () => {
    expect(bodyShortName({ fr: 'Le Conseil économique et social' })).toEqual({ fr: 'le Conseil' });
    expect(bodyShortName({ es: 'Consejo Económico y Social', ar: 'المجلس الاقتصادي والاجتماعي' })).toEqual({ es: 'el Consejo', ar: 'المجلس' });
    expect(bodyShortName({ fr: 'Assemblée générale' })).toEqual({ fr: 'l’Assemblée' });
    expect(bodyShortName({ en: 'Commission on Crime Prevention and Criminal Justice' })).toEqual({ en: 'the Commission' });
    // A name it cannot read is used whole rather than guessed at.
    expect(bodyShortName({ fr: 'Groupe de travail' })).toEqual({ fr: 'Groupe de travail' });
  });
});
