/** Places: the Xinjiang gazetteer (and, later, address parsing and ports). */
export {
  allPlaceSpellings,
  foldPlaceName,
  GAZETTEER,
  GAZETTEER_SOURCE,
  type GazetteerPlace,
  type PlaceLevel,
  placesNamed,
} from './gazetteer.ts';
