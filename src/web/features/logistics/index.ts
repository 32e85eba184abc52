/** What other features embed: the nomination page shows the form once a nomination is selected. */
export { LogisticsForm } from './LogisticsForm.js';
