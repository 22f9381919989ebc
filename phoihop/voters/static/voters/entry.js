// Typing petitions in a row, keyboard only (a script file: the Content-Security-Policy allows
// no inline script). <form data-entry>: Ctrl+Enter saves; a save is sent once; back from a
// save (?tiep=1) the cursor is in the text box again.
(function () {
  var form = document.querySelector("form[data-entry]");
  if (!form) return;
  var box = form.querySelector("textarea");
  if (box && new URLSearchParams(location.search).has("tiep")) box.focus();
  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener("submit", function () {
    var button = form.querySelector("button");
    if (button) button.disabled = true;
  });
})();
