/**
 * HTML character references as caption text uses them (WebVTT cue text follows
 * the HTML "consume a character reference" rules). The named table is the
 * HTML 4 set plus the few extras captions use; the full HTML list (2,231
 * names) is not worth its size here.
 */

// Latin-1 names for U+00A0..U+00FF, in code point order. In HTML these are also
// "legacy" names that match without a trailing semicolon.
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 ' +
  'acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde ' +
  'Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc ' +
  'Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml ' +
  'aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc ' +
  'otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

// Greek capitals U+0391..U+03A9 (U+03A2 is unassigned) and small letters U+03B1..U+03C9.
const GREEK_UPPER = 'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho - Sigma Tau Upsilon Phi Chi Psi Omega';
const GREEK_LOWER = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon phi chi psi omega';

// Other HTML 4 names (and a few later ones common in captions), name -> code point.
const OTHERS: Record<string, number> = {
  quot: 0x22, amp: 0x26, apos: 0x27, lt: 0x3c, gt: 0x3e,
  OElig: 0x152, oelig: 0x153, Scaron: 0x160, scaron: 0x161, Yuml: 0x178, fnof: 0x192, circ: 0x2c6, tilde: 0x2dc,
  thetasym: 0x3d1, upsih: 0x3d2, piv: 0x3d6,
  ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009, zwnj: 0x200c, zwj: 0x200d, lrm: 0x200e, rlm: 0x200f,
  ndash: 0x2013, mdash: 0x2014, lsquo: 0x2018, rsquo: 0x2019, sbquo: 0x201a, ldquo: 0x201c, rdquo: 0x201d,
  bdquo: 0x201e, dagger: 0x2020, Dagger: 0x2021, bull: 0x2022, hellip: 0x2026, permil: 0x2030, prime: 0x2032,
  Prime: 0x2033, lsaquo: 0x2039, rsaquo: 0x203a, oline: 0x203e, frasl: 0x2044, euro: 0x20ac, image: 0x2111,
  weierp: 0x2118, real: 0x211c, trade: 0x2122, alefsym: 0x2135, larr: 0x2190, uarr: 0x2191, rarr: 0x2192,
  darr: 0x2193, harr: 0x2194, crarr: 0x21b5, lArr: 0x21d0, uArr: 0x21d1, rArr: 0x21d2, dArr: 0x21d3, hArr: 0x21d4,
  forall: 0x2200, part: 0x2202, exist: 0x2203, empty: 0x2205, nabla: 0x2207, isin: 0x2208, notin: 0x2209,
  ni: 0x220b, prod: 0x220f, sum: 0x2211, minus: 0x2212, lowast: 0x2217, radic: 0x221a, prop: 0x221d,
  infin: 0x221e, ang: 0x2220, and: 0x2227, or: 0x2228, cap: 0x2229, cup: 0x222a, int: 0x222b, there4: 0x2234,
  sim: 0x223c, cong: 0x2245, asymp: 0x2248, ne: 0x2260, equiv: 0x2261, le: 0x2264, ge: 0x2265, sub: 0x2282,
  sup: 0x2283, nsub: 0x2284, sube: 0x2286, supe: 0x2287, oplus: 0x2295, otimes: 0x2297, perp: 0x22a5,
  sdot: 0x22c5, lceil: 0x2308, rceil: 0x2309, lfloor: 0x230a, rfloor: 0x230b, lang: 0x27e8, rang: 0x27e9,
  loz: 0x25ca, spades: 0x2660, clubs: 0x2663, hearts: 0x2665, diams: 0x2666,
  // HTML5 additions that show up in subtitle files.
  Tab: 0x09, NewLine: 0x0a, colon: 0x3a, semi: 0x3b, comma: 0x2c, period: 0x2e, excl: 0x21, quest: 0x3f,
  num: 0x23, dollar: 0x24, percnt: 0x25, lpar: 0x28, rpar: 0x29, ast: 0x2a, plus: 0x2b, sol: 0x2f,
  bsol: 0x5c, lsqb: 0x5b, rsqb: 0x5d, lcub: 0x7b, rcub: 0x7d, verbar: 0x7c, vert: 0x7c, grave: 0x60,
  equals: 0x3d, commat: 0x40, lowbar: 0x5f, hyphen: 0x2010, dash: 0x2010, nbhy: 0x2011,
  ZeroWidthSpace: 0x200b, NoBreak: 0x2060, hairsp: 0x200a, puncsp: 0x2008, numsp: 0x2007,
  star: 0x2606, starf: 0x2605, check: 0x2713, cross: 0x2717, sharp: 0x266f, flat: 0x266d, natural: 0x266e,
  sung: 0x266a,
};

/** Names that need a semicolon ("&name;"). */
const NAMED = new Map<string, string>();
/** Names HTML also accepts without the semicolon ("&amp", "&copy"). */
const LEGACY = new Map<string, string>();

function buildTables(): void {
  LATIN1.split(' ').forEach((name, i) => {
    const ch = String.fromCodePoint(0xa0 + i);
    NAMED.set(name, ch);
    LEGACY.set(name, ch);
  });
  GREEK_UPPER.split(' ').forEach((name, i) => {
    if (name !== '-') NAMED.set(name, String.fromCodePoint(0x391 + i));
  });
  GREEK_LOWER.split(' ').forEach((name, i) => NAMED.set(name, String.fromCodePoint(0x3b1 + i)));
  for (const [name, cp] of Object.entries(OTHERS)) NAMED.set(name, String.fromCodePoint(cp));
  for (const name of ['amp', 'lt', 'gt', 'quot']) LEGACY.set(name, NAMED.get(name) as string);
  for (const [upper, lower] of [['AMP', 'amp'], ['LT', 'lt'], ['GT', 'gt'], ['QUOT', 'quot'], ['COPY', 'copy'], ['REG', 'reg']]) {
    const ch = NAMED.get(lower) as string;
    NAMED.set(upper, ch);
    LEGACY.set(upper, ch);
  }
}
buildTables();

const LONGEST_LEGACY = Math.max(...[...LEGACY.keys()].map((k) => k.length));

// HTML maps these C1 code points to what Windows-1252 puts there.
const WIN1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x2c6, 0x89: 0x2030, 0x8a: 0x160, 0x8b: 0x2039, 0x8c: 0x152, 0x8e: 0x17d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x2dc,
  0x99: 0x2122, 0x9a: 0x161, 0x9b: 0x203a, 0x9c: 0x153, 0x9e: 0x17e, 0x9f: 0x178,
};

export interface CharRef {
  /** The decoded text. */
  value: string;
  /** Index just past the consumed reference. */
  end: number;
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function numericValue(cp: number): string {
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  const mapped = WIN1252[cp];
  return String.fromCodePoint(mapped ?? cp);
}

/**
 * Tries to read a character reference at `amp`, which must index a "&".
 * Returns null when there is none, in which case the "&" is literal text.
 */
export function consumeCharRef(s: string, amp: number): CharRef | null {
  let pos = amp + 1;
  const c = s.charCodeAt(pos);
  if (c === 0x23) {
    // Numeric: &#123; or &#x7B; (the semicolon is optional, as in HTML).
    pos++;
    const hex = s.charCodeAt(pos) === 0x78 || s.charCodeAt(pos) === 0x58;
    if (hex) pos++;
    const start = pos;
    let cp = 0;
    while (pos < s.length && (hex ? isHex(s.charCodeAt(pos)) : isDigit(s.charCodeAt(pos)))) {
      // Clamp so absurdly long numbers cannot overflow into a valid code point.
      cp = Math.min(cp * (hex ? 16 : 10) + parseInt(s[pos], 16), 0x110000);
      pos++;
    }
    if (pos === start) return null;
    if (s.charCodeAt(pos) === 0x3b) pos++;
    return { value: numericValue(cp), end: pos };
  }
  if (!isAlnum(c)) return null;
  let nameEnd = pos;
  while (nameEnd < s.length && isAlnum(s.charCodeAt(nameEnd))) nameEnd++;
  if (s.charCodeAt(nameEnd) === 0x3b) {
    const value = NAMED.get(s.slice(pos, nameEnd));
    if (value !== undefined) return { value, end: nameEnd + 1 };
  }
  // Longest legacy name that prefixes the run, as HTML does ("&copy2024" -> "©2024").
  for (let len = Math.min(nameEnd - pos, LONGEST_LEGACY); len > 0; len--) {
    const value = LEGACY.get(s.slice(pos, pos + len));
    if (value !== undefined) return { value, end: pos + len };
  }
  return null;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Decodes every character reference in `s`, leaving other "&" as they are. */
export function decodeCharRefs(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const ref = consumeCharRef(s, amp);
    if (ref) {
      out += s.slice(from, amp) + ref.value;
      from = ref.end;
      amp = s.indexOf('&', from);
    } else {
      amp = s.indexOf('&', amp + 1);
    }
  }
  return out + s.slice(from);
}
