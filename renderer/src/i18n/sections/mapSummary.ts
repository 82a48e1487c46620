/** UI strings of a large map's summary (the canvas opens on it above a few thousand nodes); en is the type. */
export const en = {
  title: 'Summary of a large map',
  lead_one: 'This view has {{total}} item in {{groups}} groups. Open a group to draw it on the map; the rest stay counted here.',
  lead_other: 'This view has {{total}} items in {{groups}} groups. Open a group to draw it on the map; the rest stay counted here.',
  groupBy: 'Group by',
  by: { lifeEvent: 'Life event', organisation: 'Organisation', serviceClass: 'Service class' },
  showAll: 'Draw the whole map ({{total}}, slow)',
  ungrouped: 'In no group',
  expand: 'Show {{name}} on the map ({{total}})',
  collapse: 'Hide {{name}} from the map ({{total}})',
  more_one: '{{count}} smaller group is not listed; filter the view to reach it.',
  more_other: '{{count}} smaller groups are not listed; filter the view to reach them.',
};

export const fi: typeof en = {
  title: 'Suuren kartan yhteenveto',
  lead_one: 'Näkymässä on {{total}} kohde {{groups}} ryhmässä. Avaa ryhmä, niin se piirretään kartalle; muut pysyvät tässä lukuina.',
  lead_other: 'Näkymässä on {{total}} kohdetta {{groups}} ryhmässä. Avaa ryhmä, niin se piirretään kartalle; muut pysyvät tässä lukuina.',
  groupBy: 'Ryhmittely',
  by: { lifeEvent: 'Elämätapahtuma', organisation: 'Organisaatio', serviceClass: 'Palveluluokka' },
  showAll: 'Piirrä koko kartta ({{total}}, hidas)',
  ungrouped: 'Ei missään ryhmässä',
  expand: 'Näytä {{name}} kartalla ({{total}})',
  collapse: 'Piilota {{name}} kartalta ({{total}})',
  more_one: '{{count}} pienempi ryhmä ei ole luettelossa; rajaa näkymää löytääksesi sen.',
  more_other: '{{count}} pienempää ryhmää ei ole luettelossa; rajaa näkymää löytääksesi ne.',
};

export const sv: typeof en = {
  title: 'Sammanfattning av en stor karta',
  lead_one: 'Vyn har {{total}} objekt i {{groups}} grupper. Öppna en grupp för att rita den på kartan; de övriga räknas här.',
  lead_other: 'Vyn har {{total}} objekt i {{groups}} grupper. Öppna en grupp för att rita den på kartan; de övriga räknas här.',
  groupBy: 'Gruppera efter',
  by: { lifeEvent: 'Livshändelse', organisation: 'Organisation', serviceClass: 'Serviceklass' },
  showAll: 'Rita hela kartan ({{total}}, långsamt)',
  ungrouped: 'I ingen grupp',
  expand: 'Visa {{name}} på kartan ({{total}})',
  collapse: 'Dölj {{name}} från kartan ({{total}})',
  more_one: '{{count}} mindre grupp visas inte i listan; avgränsa vyn för att nå den.',
  more_other: '{{count}} mindre grupper visas inte i listan; avgränsa vyn för att nå dem.',
};
