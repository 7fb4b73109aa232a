import type { Catalogue } from './en.js';

export const es: Catalogue = {
  'nav.main': 'Principal',
  'nav.liveBoard': 'Tablero en vivo',
  'nav.allUnits': 'Todas las unidades',
  'nav.history': 'Historial',
  'nav.myDay': 'Mi día',
  'nav.settings': 'Configuración',
  'nav.noAccess': '(sin acceso)',
  'nav.notAvailable': 'No disponible para usted: falta {missing}',
  'help.title': 'Ayuda',
  'help.doctor': 'Doctor de inicio de sesión',
  'help.doctorHint': 'para desarrolladores: explica por qué falla el inicio de sesión en Genesys Cloud',
  'help.role': 'Lo que su rol puede ver',
  'help.roleHint': 'los permisos que usa Adhere y cuáles tiene usted',
  signOut: 'Cerrar sesión',
  'theme.label': 'Tema',
  'theme.system': 'Como el sistema',
  'theme.light': 'Claro',
  'theme.dark': 'Oscuro',
  'settings.appearance': 'Apariencia',
  'language.label': 'Idioma',
  'language.auto': '{source, select, genesys {Como Genesys Cloud} other {Como el navegador}} ({name})',
  'language.hint':
    'Las cifras de adherencia, los números, las fechas y las horas siguen el idioma; ' +
    'los códigos de actividad conservan los nombres que les dio su organización.',
  'language.malformed': '«{tag}» no es una etiqueta de idioma, así que Adhere se muestra en inglés.',
  'language.unsupported': 'Adhere aún no habla «{tag}», así que se muestra en inglés.',
  'board.agents': '{count, plural, one {# agente} other {# agentes}}',
};
