/**
 * How precisely a place is known, like a date's precision: a dataset that places an event at a region's centre
 * says so, and the map draws the region's uncertainty rather than a sharp point. One scale for every source, each
 * level with the radius the map draws (a rough size of what the level names, not a measured error).
 */
export const PLACE_PRECISIONS = ['exact', 'near', 'district', 'region', 'country'] as const;
export type PlacePrecision = (typeof PLACE_PRECISIONS)[number];

/** Radius in kilometres drawn around an imprecise place; 0 for an exact one. */
export const PLACE_RADIUS_KM: Record<PlacePrecision, number> = {
  exact: 0,
  near: 25,
  district: 50,
  region: 150,
  country: 400,
};

/** Words for the details and the map's hover: "within about 25 km". */
export const PLACE_PRECISION_WORDS: Record<PlacePrecision, string> = {
  exact: 'exact place',
  near: 'within about 25 km',
  district: 'somewhere in the district',
  region: 'somewhere in the region',
  country: 'somewhere in the country',
};

/** A code's level, read only from the table's own keys (a code like "constructor" is no level). */
function lookup(table: Record<string, PlacePrecision>, code: string | undefined) {
  const key = code?.trim() ?? '';
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export function isPlacePrecision(value: unknown): value is PlacePrecision {
  return typeof value === 'string' && (PLACE_PRECISIONS as readonly string[]).includes(value);
}

/**
 * UCDP GED `where_prec` (codebook 23.1): 1 the exact place, 2 within 25 km, 3 a second-order administrative
 * division, 4 a first-order division, 5 a linear feature or larger area within a country (drawn as a region),
 * 6 the country, 7 international waters or airspace (drawn as a region around the given point).
 */
export function fromUcdpWherePrec(code: string | undefined): PlacePrecision | undefined {
  return lookup(
    {
      '1': 'exact',
      '2': 'near',
      '3': 'district',
      '4': 'region',
      '5': 'region',
      '6': 'country',
      '7': 'region',
    },
    code,
  );
}

/**
 * ACLED `geo_precision` (codebook): 1 the town or its coordinates, 2 a place near the named one or a part of a
 * region, 3 only a larger region is known (its centre is given).
 */
export function fromAcledGeoPrecision(code: string | undefined): PlacePrecision | undefined {
  return lookup({ '1': 'exact', '2': 'near', '3': 'region' }, code);
}

/**
 * GDELT `ActionGeo_Type` (event codebook 2.0): 1 a country, 2 a US state, 3 a US city, 4 a world city,
 * 5 a world state (first-order division). 0 or blank: no place.
 */
export function fromGdeltGeoType(code: string | undefined): PlacePrecision | undefined {
  return lookup({ '1': 'country', '2': 'region', '3': 'exact', '4': 'exact', '5': 'region' }, code);
}

/** Kilometres per degree of latitude on the WGS84 mean sphere. */
const KM_PER_DEGREE = 111.32;

/**
 * The radius in screen pixels of a place's uncertainty on a Web Mercator map whose world is `worldPx` pixels wide,
 * at latitude `lat` (Mercator stretches distances by 1/cos(lat)).
 */
export function uncertaintyRadiusPx(
  precision: PlacePrecision,
  lat: number,
  worldPx: number,
): number {
  const km = PLACE_RADIUS_KM[precision];
  if (km === 0) return 0;
  const pxPerDegreeLon = worldPx / 360;
  const cos = Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  return (km / KM_PER_DEGREE) * (pxPerDegreeLon / cos);
}
