import type { EntityType } from './types';

/**
 * ACLED inter codes (codebook): 1 state forces, 2 rebel groups, 3 political militias, 4 identity militias,
 * 5 rioters, 6 protesters, 7 civilians, 8 external/other forces. States and foreign forces are organizations; the
 * others are groups.
 */
const ACLED_INTER: Record<string, EntityType> = {
  '1': 'organization',
  '2': 'group',
  '3': 'group',
  '4': 'group',
  '5': 'group',
  '6': 'group',
  '7': 'group',
  '8': 'organization',
};

const WORDS: [RegExp, EntityType][] = [
  [/^(person|people|individual|human|persona|personne|person_?a|человек|лицо)$/, 'person'],
  [
    /(organi[sz]ation|organisme|organizacion|company|corporation|agency|ministry|government|state|military|forces?|ngo|party|organisation|организация)/,
    'organization',
  ],
  [
    /(group|militia|rebel|rioter|protester|civilian|gang|movement|grupo|groupe|группа|external|other_forces)/,
    'group',
  ],
  [/^(place|location|country|city|region|lugar|lieu|место|страна|город)$/, 'place'],
];

/** An entity type from a type cell: an ACLED inter code or a word ("State forces", "person", "Rebel group"). */
export function entityTypeOf(cell: string): EntityType | undefined {
  const c = cell.trim().toLowerCase();
  if (c === '') return undefined;
  if (Object.hasOwn(ACLED_INTER, c)) return ACLED_INTER[c];
  const word = c
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '_');
  for (const [re, type] of WORDS) if (re.test(word)) return type;
  return undefined;
}

/**
 * Collects actors' types as rows name them; the first type seen for a name wins. `entities()` gives them in the
 * chronoscope/1 form, so actors that carry no type still become `unknown` entities when the document loads.
 */
export class ActorTypes {
  private byKey = new Map<string, { id: string; name: string; type: EntityType }>();

  note(name: string, type: EntityType | undefined): void {
    if (!type || type === 'unknown') return;
    const key = name.trim().toLowerCase().replace(/\s+/g, ' ');
    if (key === '' || this.byKey.has(key)) return;
    const n = name.trim().replace(/\s+/g, ' ');
    this.byKey.set(key, { id: n, name: n, type });
  }

  entities(): { id: string; name: string; type: EntityType }[] {
    return [...this.byKey.values()];
  }
}
