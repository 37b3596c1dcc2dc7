/**
 * The NL Design System component stylesheets the back office uses, and the voorbeeld theme (the
 * `voorbeeld-theme` class on <html>). Packages' export maps differ, hence the mixed paths.
 */
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import '@utrecht/root-css';
import '@utrecht/body-css';
import '@nl-design-system-candidate/heading-css/heading.css';
import '@nl-design-system-candidate/paragraph-css/paragraph.css';
import '@nl-design-system-candidate/link-css/link.css';
import '@nl-design-system-candidate/skip-link-css/skip-link.css';
import '@utrecht/button-css';
import '@utrecht/button-link-css';
import '@utrecht/textbox-css';
import '@utrecht/form-field-css';
import '@utrecht/form-label-css';
import '@utrecht/form-field-description-css';
import '@utrecht/alert-css';
import '@utrecht/table-css';
import '@utrecht/unordered-list-css';
