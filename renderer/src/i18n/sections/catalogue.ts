/**
 * A large workspace's catalogue loading in the background (issue 12): what a screen that needs
 * every entity and link shows until they are in; en is the type.
 */
export const en = {
  title: 'Loading the whole workspace',
  lead: 'This view needs every service, organisation and link of the workspace. The tables and their counts can already be used.',
  progress: '{{done}} of {{total}} items loaded',
  failed: 'The contents of the workspace could not be loaded.',
  retry: 'Try again',
};

export const fi: typeof en = {
  title: 'Ladataan koko työtilaa',
  lead: 'Tämä näkymä tarvitsee työtilan kaikki palvelut, organisaatiot ja linkit. Taulukoita ja niiden lukumääriä voi jo käyttää.',
  progress: '{{done}} / {{total}} kohdetta ladattu',
  failed: 'Työtilan sisältöä ei voitu ladata.',
  retry: 'Yritä uudelleen',
};

export const sv: typeof en = {
  title: 'Hela arbetsytan laddas',
  lead: 'Den här vyn behöver alla tjänster, organisationer och länkar i arbetsytan. Tabellerna och antalen kan redan användas.',
  progress: '{{done}} av {{total}} objekt laddade',
  failed: 'Arbetsytans innehåll kunde inte laddas.',
  retry: 'Försök igen',
};
