import { errors } from '../errors.ts';
import type { Entity } from '../state.ts';

/** One `attribute eq "value"` comparison of a SCIM-style filter. */
interface Comparison {
  attribute: string;
  value: string;
}

const COMPARISON = /^([A-Za-z][\w.]*)\s+([A-Za-z]+)\s+"((?:[^"\\]|\\.)*)"/;
const SUPPORTED_OPERATORS = ['eq'];

/**
 * Parses a list `filter` of the form `a eq "x"` or `a eq "x" and b eq "y"`, over the attributes
 * `supported` (dotted paths such as `population.id`). Anything else is 400 INVALID_REQUEST /
 * INVALID_FILTER naming what the emulator can filter on; the filter text is not repeated.
 */
export function parseFilter(filter: string, supported: readonly string[]): Comparison[] {
  const comparisons: Comparison[] = [];
  let rest = filter.trim();
  while (true) {
    const match = COMPARISON.exec(rest);
    if (!match)
      throw errors.invalidFilter(
        'The filter must be comparisons of the form attribute eq "value", joined by and.',
        {
          supportedAttributes: [...supported],
          supportedOperators: SUPPORTED_OPERATORS,
        },
      );
    const [whole, attribute, operator, quoted] = match as unknown as [
      string,
      string,
      string,
      string,
    ];
    if (!SUPPORTED_OPERATORS.includes(operator.toLowerCase()))
      throw errors.invalidFilter(`The operator "${operator}" is not supported here.`, {
        supportedOperators: SUPPORTED_OPERATORS,
      });
    if (!supported.includes(attribute))
      throw errors.invalidFilter(`The attribute "${attribute}" cannot be filtered on here.`, {
        supportedAttributes: [...supported],
      });
    comparisons.push({ attribute, value: quoted.replace(/\\(.)/g, '$1') });

    rest = rest.slice(whole.length).trim();
    if (rest === '') return comparisons;
    const joiner = /^and\s+/i.exec(rest);
    if (!joiner)
      throw errors.invalidFilter('Only "and" may join comparisons in this filter.', {
        supportedOperators: SUPPORTED_OPERATORS,
      });
    rest = rest.slice(joiner[0].length);
  }
}

/** Whether `entity` satisfies every comparison; string values compare case-insensitively. */
export function matchesFilter(entity: Entity, comparisons: Comparison[]): boolean {
  return comparisons.every(({ attribute, value }) => {
    let held: unknown = entity;
    for (const key of attribute.split('.'))
      held = (held as Record<string, unknown> | undefined)?.[key];
    return typeof held === 'string' && held.toLowerCase() === value.toLowerCase();
  });
}
