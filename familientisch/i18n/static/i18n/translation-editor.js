// wagtail-localize's translation editor writes every language left to right. Give each text the
// language it is written in, so that Arabic and Farsi are read and typed right to left, screen
// readers pronounce each language by its rules and browsers check the right spelling.
(function () {
  const rightToLeft = document.currentScript.dataset.rtlLanguages.split(" ");
  const write = (element, code) => {
    element.lang = code;
    element.dir = rightToLeft.includes(code) ? "rtl" : "ltr";
  };
  const start = () => {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) return;
    const { locale, sourceLocale } = JSON.parse(editor.dataset.props);
    const mark = () => {
      // A segment is its source text (a paragraph) beside its translation (text or a textarea).
      for (const translation of editor.querySelectorAll("li > p:first-child + div")) {
        write(translation, locale.code);
        write(translation.previousElementSibling, sourceLocale.code);
      }
    };
    new MutationObserver(mark).observe(editor, { childList: true, subtree: true });
    mark();
  };
  // Wagtail's admin loads editor scripts in the head, before the editor exists.
  document.addEventListener("DOMContentLoaded", start);
})();
