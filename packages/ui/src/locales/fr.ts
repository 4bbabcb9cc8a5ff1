import { plural } from '../localize/plural.js';
import type { Translation } from '../localize/strings.js';
import type en from './en.js';

const fr: Translation<typeof en> = {
  close: 'Fermer',
  dialog: 'Boîte de dialogue',
  progress: 'Progression',
  loading: 'Chargement…',
  itemsProgress: (done: number, total: number) =>
    plural('fr', total, {
      one: `${done} sur # élément`,
      many: `${done} sur # d’éléments`,
      other: `${done} sur # éléments`,
    }),
  filesAdded: (count: number) =>
    plural('fr', count, {
      one: '# fichier ajouté',
      many: '# de fichiers ajoutés',
      other: '# fichiers ajoutés',
    }),
};

export default fr;
