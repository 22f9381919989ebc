// Small behaviours that used to be inline handlers; the Content-Security-Policy allows
// scripts from this site's static files only.
// <select data-autosubmit>: submit its form when the choice changes.
document.addEventListener("change", function (event) {
  var field = event.target;
  if (field && field.matches && field.matches("[data-autosubmit]") && field.form) {
    field.form.submit();
  }
});
