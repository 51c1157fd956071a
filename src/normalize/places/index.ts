/** Places: division codes, provinces, the Xinjiang gazetteer, XPCC units, address location and ports. */
export {
  type DecodedDivision,
  DIVISION_SOURCE,
  type DivisionName,
  decodeDivision,
  divisionName,
  englishDivisionName,
} from './divisions.ts';
export { enrichShipment } from './enrich-shipment.ts';
export {
  allPlaceSpellings,
  foldPlaceName,
  GAZETTEER,
  GAZETTEER_SOURCE,
  type GazetteerPlace,
  gazetteerPlace,
  isWeakSpelling,
  type PlaceLevel,
  placesNamed,
} from './gazetteer.ts';
export {
  type EvidenceKind,
  type EvidenceRole,
  type IgnoredEvidence,
  type LocateEvidence,
  type Location,
  locate,
  type XpccLocation,
} from './locate.ts';
export { allPorts, locatePort, PORT_SOURCE, type Port, type PortMatch } from './ports.ts';
export {
  PROVINCES,
  PROVINCES_SOURCE,
  type Province,
  provinceByCode,
  provinceNamed,
  shortDivisionCode,
} from './provinces.ts';
export {
  findXpcc,
  regimentUnit,
  XPCC_UNITS,
  XPCC_UNITS_SOURCE,
  type XpccMatch,
  type XpccUnit,
} from './xpcc.ts';
