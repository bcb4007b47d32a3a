// The point picker (admin_map.py): a button under each place's coordinates opens a small map
// with a pin; dragging it, or clicking the map, writes the point into the latitude and
// longitude inputs, which stay the fields the form sends. Events are delegated from the
// document, so places added to the form later work too.
(function () {
  "use strict";
  var CITY = [51.2277, 6.7735];
  var STYLES = {
    major: { color: "#ffffff", weight: 5 },
    street: { color: "#ffffff", weight: 2 },
    district: { color: "#073d5e", weight: 2, dashArray: "8 4", fill: false },
    quarter: { color: "#4a5262", weight: 1, dashArray: "2 4", fill: false }
  };

  function input(picker, name) {
    return document.getElementById("id_" + picker.dataset.pointPicker + "-" + name);
  }

  function pointOf(picker) {
    var lat = parseFloat((input(picker, "latitude") || {}).value);
    var lon = parseFloat((input(picker, "longitude") || {}).value);
    return isNaN(lat) || isNaN(lon) ? null : [lat, lon];
  }

  function write(picker, latLng) {
    [["latitude", latLng.lat], ["longitude", latLng.lng]].forEach(function (pair) {
      var field = input(picker, pair[0]);
      if (!field) { return; }
      field.value = pair[1].toFixed(5);
      field.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }

  function draw(picker) {
    var container = picker.querySelector(".point-picker__map");
    container.hidden = false;
    picker.querySelector(".point-picker__help").hidden = false;
    var point = pointOf(picker);
    var map = L.map(container).setView(point || CITY, point ? 16 : 12);
    if (picker.dataset.tiles) {
      L.tileLayer(picker.dataset.tiles, { maxZoom: 19, attribution: picker.dataset.attribution || "" }).addTo(map);
    } else if (picker.dataset.cityMap) {
      fetch(picker.dataset.cityMap).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (data) {
        if (data) {
          L.geoJSON(data, {
            style: function (feature) { return STYLES[feature.properties.kind] || STYLES.street; },
            interactive: false
          }).addTo(map).bringToBack();
        }
      }).catch(function () { /* the pin alone still works */ });
    }
    var marker = L.marker(point || CITY, { draggable: true, keyboard: false }).addTo(map);
    marker.on("dragend", function () { write(picker, marker.getLatLng()); });
    map.on("click", function (event) { marker.setLatLng(event.latlng); write(picker, event.latlng); });
    ["latitude", "longitude"].forEach(function (name) {
      var field = input(picker, name);
      if (field) {
        field.addEventListener("change", function () {
          var typed = pointOf(picker);
          if (typed) { marker.setLatLng(typed); map.panTo(typed); }
        });
      }
    });
  }

  function reveal() {
    document.querySelectorAll("[data-point-picker] .point-picker__show").forEach(function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".point-picker__show");
    if (!button) { return; }
    var picker = button.closest("[data-point-picker]");
    button.hidden = true;
    draw(picker);
  });
  // New places come from a template: show their buttons as they arrive.
  new MutationObserver(reveal).observe(document.body, { childList: true, subtree: true });
  reveal();
})();
