import {
  fromAcledGeoPrecision,
  fromGdeltGeoType,
  fromUcdpWherePrec,
  isPlacePrecision,
  uncertaintyRadiusPx,
} from './placePrecision';

describe('place precision from the datasets’ codes', () => {
  it('reads UCDP where_prec 1–7, and nothing else', () => {
    expect(['1', '2', '3', '4', '5', '6', '7'].map(fromUcdpWherePrec)).toEqual([
      'exact',
      'near',
      'district',
      'region',
      'region',
      'country',
      'region',
    ]);
    expect(fromUcdpWherePrec('8')).toBeUndefined();
    expect(fromUcdpWherePrec('')).toBeUndefined();
    expect(fromUcdpWherePrec(undefined)).toBeUndefined();
    expect(fromUcdpWherePrec('constructor')).toBeUndefined();
  });

  it('reads ACLED geo_precision and GDELT ActionGeo_Type', () => {
    expect([' 1', '2', '3 '].map(fromAcledGeoPrecision)).toEqual(['exact', 'near', 'region']);
    expect(fromAcledGeoPrecision('0')).toBeUndefined();
    expect(['1', '2', '3', '4', '5'].map(fromGdeltGeoType)).toEqual([
      'country',
      'region',
      'exact',
      'exact',
      'region',
    ]);
    expect(fromGdeltGeoType('0')).toBeUndefined();
  });

  it('accepts only the documented words', () => {
    expect(isPlacePrecision('region')).toBe(true);
    expect(isPlacePrecision('Region')).toBe(false);
    expect(isPlacePrecision('toString')).toBe(false);
    expect(isPlacePrecision(3)).toBe(false);
  });
});

describe('uncertaintyRadiusPx', () => {
  it('is nothing for an exact place', () => {
    expect(uncertaintyRadiusPx('exact', 50, 4096)).toBe(0);
  });

  it('draws 25 km at the equator as 25/111.32 degrees of the world’s width', () => {
    expect(uncertaintyRadiusPx('near', 0, 360)).toBeCloseTo(25 / 111.32, 6);
  });

  it('grows with Mercator’s stretch towards the poles and with zoom', () => {
    const kyiv = uncertaintyRadiusPx('region', 50.45, 4096);
    expect(kyiv / uncertaintyRadiusPx('region', 0, 4096)).toBeCloseTo(
      1 / Math.cos((50.45 * Math.PI) / 180),
      6,
    );
    expect(uncertaintyRadiusPx('region', 50.45, 8192)).toBeCloseTo(2 * kyiv, 6);
  });
});
