// Progressive enhancement: the list (or the offer's places) carries the coordinates as data
// attributes; without JavaScript the page stays a plain list. Leaflet (about 150 KB) is loaded
// only when the visitor asks for the map, so phones on slow connections do not pay for it.
(function () {
  "use strict";
  var script = document.currentScript;
  var container = document.getElementById("navigator-map");
  if (!container || !script) { return; }
  var points = Array.prototype.slice.call(document.querySelectorAll("[data-lat][data-lon]"));
  if (!points.length) { return; }

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { element[name] = attributes[name]; });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  var STYLES = {
    major: { color: "#ffffff", weight: 5 },
    street: { color: "#ffffff", weight: 2 },
    district: { color: "#073d5e", weight: 2, dashArray: "8 4", fill: false },
    quarter: { color: "#4a5262", weight: 1, dashArray: "2 4", fill: false }
  };

  function styleOf(feature) { return STYLES[feature.properties.kind] || STYLES.street; }

  function draw() {
    container.hidden = false;
    // The map only repeats the list (which keyboard and screen-reader users read), so it stays
    // out of the tab order: aria-hidden content must not take focus.
    var map = L.map(container, { scrollWheelZoom: false, keyboard: false });
    if (container.dataset.tiles) {
      L.tileLayer(container.dataset.tiles, { maxZoom: 18, attribution: container.dataset.attribution || "" }).addTo(map);
    } else if (container.dataset.cityMap) {
      // The site's own city map: streets in white on the grey ground, outlines dashed.
      fetch(container.dataset.cityMap).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (data) {
        if (data) { L.geoJSON(data, { style: styleOf, interactive: false }).addTo(map).bringToBack(); }
      }).catch(function () { /* the markers alone still show where */ });
    }
    var bounds = [];
    points.forEach(function (item) {
      var latLng = [parseFloat(item.dataset.lat), parseFloat(item.dataset.lon)];
      var link = item.querySelector("a");
      var label = item.dataset.title || (link ? link.textContent : "");
      var marker = L.circleMarker(latLng, { radius: 8, weight: 2 }).addTo(map);
      marker.bindPopup(link ? '<a href="' + link.getAttribute("href") + '"></a>' : "<span></span>");
      marker.on("popupopen", function (event) {
        var element = event.popup.getElement().querySelector(".leaflet-popup-content > *");
        if (element) { element.textContent = label; element.tabIndex = -1; }
      });
      bounds.push(latLng);
    });
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
    container.querySelectorAll("a, button").forEach(function (element) { element.tabIndex = -1; });
  }

  var button = document.createElement("button");
  button.type = "button";
  button.className = "button map-button";
  button.textContent = script.dataset.showLabel;
  container.parentNode.insertBefore(button, container);
  button.addEventListener("click", function () {
    button.disabled = true;
    Promise.all([
      load("link", { rel: "stylesheet", href: script.dataset.leafletCss }),
      load("script", { src: script.dataset.leafletJs })
    ]).then(function () { button.remove(); draw(); }, function () { button.disabled = false; });
  });
}());
