// "Use my location": asked of the browser only when the visitor clicks, rounded to about
// 100 metres, and sent nowhere but this site's own navigator (as the "Where?" field). Without
// JavaScript or geolocation the button stays hidden and the field works as it is.
(function () {
  "use strict";
  var button = document.querySelector("[data-locate]");
  var field = document.getElementById("id_near");
  if (!button || !field || !navigator.geolocation) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (position) {
      field.value = position.coords.latitude.toFixed(3) + "," + position.coords.longitude.toFixed(3);
      field.form.submit();
    }, function () {
      button.disabled = false;
      document.getElementById("near-help").textContent = button.dataset.failed;
      field.focus();
    }, { timeout: 15000, maximumAge: 300000 });
  });
})();
