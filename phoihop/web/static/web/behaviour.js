// Small behaviours that used to be inline handlers; the Content-Security-Policy allows
// scripts from this site's static files only.
// <select data-autosubmit>: submit its form when the choice changes.
document.addEventListener("change", function (event) {
  var field = event.target;
  if (field && field.matches && field.matches("[data-autosubmit]") && field.form) {
    field.form.submit();
  }
});

// On a phone the main sections fold behind one button: [data-menu-toggle] opens and closes
// the element it controls (aria-controls) and says so (aria-expanded).
document.documentElement.classList.add("js");
document.addEventListener("click", function (event) {
  var button = event.target && event.target.closest && event.target.closest("[data-menu-toggle]");
  if (!button) {
    return;
  }
  var menu = document.getElementById(button.getAttribute("aria-controls"));
  var open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", open ? "true" : "false");
  if (menu) {
    menu.classList.toggle("open", open);
  }
});
