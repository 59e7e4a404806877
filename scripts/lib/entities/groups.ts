/**
 * A speaker's stakeholder group, by one rule per group, tried in this order on the attribution
 * as written (title, organization, country):
 * - local government: the title or body is a city's (mayor, city, municipality, metropolitan);
 * - UN system: the body is a UN system entity (its acronym, or "United Nations"/"UN" in its name),
 *   unless the person represents a State *to* the United Nations;
 * - other international or regional organization: an intergovernmental body that is not a State's
 *   (a union, a regional conference, commission or authority, a permanent observer, or a council,
 *   fund, forum or partnership whose name claims a scope wider than one State: "Global …",
 *   "West African …"), and not a company;
 * - government: a minister, ambassador, State secretary or a State's ministry, department or board;
 * - academia: a university, faculty, institute, professor or research centre;
 * - private sector: a company, bank or business body (a legal form or a firm's usual last word), or
 *   a corporate officer title ("Chief … Officer");
 * - civil society: a foundation, network, alliance, platform, committee, association or council of
 *   voluntary agencies — any other non-State body;
 * - other: none of the above can be told from the text.
 */
import { UN_SYSTEM_ACRONYMS } from './vocabulary.ts';

// The groups and their labels live once, in the constants the site shares.
import {
  GROUP_LABELS,
  STAKEHOLDER_GROUPS,
  type StakeholderGroupName as StakeholderGroup,
} from '../../../src/constants.ts';
export { GROUP_LABELS, STAKEHOLDER_GROUPS, type StakeholderGroup };

/** Words that make a body a company: legal forms and the usual last words of firms' names. */
const COMPANY =
  /\b(?:Company|Corporation|Corp|Inc|Ltd|LLC|plc|GmbH|S\.A\.|AG|Bank|Banque|Business|Industry|Industries|Enterprises?|Holdings?|Consulting|Consultants|Technologies|Solutions|Labs|Ventures|Capital)\b|\bChief [A-Z][a-z]+ Officer\b|\bCEO\b/;
/** A scope wider than one State: "Global …", "West African …", "Inter-American …". */
const SUPRANATIONAL =
  /\b(?:Global|World|International|Intergovernmental|Multilateral|Continental|Regional|Inter-\p{Lu}\p{L}+|(?:(?:West|East|North|South|Central|Southern|Northern|Eastern|Western)\s+)?(?:African|Asian|European|American|Arab|Caribbean|Pacific|Latin American|Nordic|Andean|Mediterranean))\b/u;
/** Bodies that States set up together: councils, funds, forums, banks, authorities. */
const COMMON_BODY =
  /\b(?:Council|Fund|Forum|Organi[sz]ation|Conference|Authority|Commission|Partnership|Facility|Secretariat|Union)\b/;

const RULES: [StakeholderGroup, (text: string) => boolean][] = [
  [
    'local-government',
    (t) =>
      /\b(?:Mayor|City of|Municipality|Municipal|Metropolitan|Mayor's Office|City Council|Governor of)\b/.test(
        t,
      ),
  ],
  [
    'un-system',
    (t) =>
      !/\b(?:Permanent Representative|Permanent Mission)\b/.test(t) &&
      (/\bof the Secretary-General\b/.test(t) ||
        /\bUnited Nations\b|\bUN\b(?! in\b)/.test(stripToTheUN(t)) ||
        t.split(/[\s,()]+/).some((w) => UN_SYSTEM_ACRONYMS.has(w) && w !== 'UN')),
  ],
  [
    'international-organization',
    (t) =>
      (/\b(?:Union|Permanent Observer|Regional Conference|Commission|Authority|OECD)\b/.test(t) ||
        isSupranationalBody(t)) &&
      !/\b(?:Minister|Ministry|Voluntary|Civil Society|NGOs?)\b/.test(t) &&
      !COMPANY.test(t),
  ],
  [
    'government',
    (t) =>
      /\b(?:Minister|Ministry|State Secretary|Secretary of State|Ambassador|Permanent Representative|Government|Presidency|Directorate|Department of|Development Board|President of the Republic|Foreign Office|Envoy)\b/.test(
        t,
      ),
  ],
  [
    'academia',
    (t) =>
      /\b(?:University|Universidad|Université|Faculty|Professor|Institute|Research|Academy|College|School|Studies)\b/.test(
        t,
      ),
  ],
  ['private-sector', (t) => COMPANY.test(t)],
  [
    'civil-society',
    (t) =>
      /\b(?:Foundation|Network|Alliance|Platform|Committee|Association|Voluntary|Collective|NGO|Society|Center|Centre|Interfaith|Diaspora|Women's|Coalition|Movement|Campaign|Federation|Union of)\b/.test(
        t,
      ),
  ],
];

/** "Global Lakes Council", "Continental Roads Fund": a body of common kind whose name claims a scope wider than a State. */
function isSupranationalBody(text: string): boolean {
  return text.split(/[,;()]/).some((part) => {
    const scope = part.search(SUPRANATIONAL);
    const body = part.search(COMMON_BODY);
    return scope !== -1 && body !== -1 && scope < body;
  });
}

/** "Representative of X to the United Nations" is a State's, not the UN's. */
function stripToTheUN(text: string): string {
  return text.replace(/\bto the (?:United Nations|UN)\b.*$/, '');
}

/** The group of a speaker, from the attribution's title, organization and country. */
export function classifyStakeholder(attribution: string): StakeholderGroup {
  return RULES.find(([, test]) => test(attribution))?.[0] ?? 'other';
}
