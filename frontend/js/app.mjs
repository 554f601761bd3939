// Starts govuk-frontend's components (Exit this page, accordion, navigation).
// A module script never blocks rendering, and no inline script is needed.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
