// Familientisch offline: pages the visitor kept (sent by offline.js from "my list") and the
// public pages visited since, from this browser's cache when there is no connection. Pages that
// are personal or private (Cache-Control private / no-store: anything behind a login) are never
// stored, nor the admin, the API or other sites.
"use strict";
var CACHE = "familientisch-offline-v1";
var MAX_VISITED = 30;
var STATIC = "{{ static_prefix|escapejs }}";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("message", function (event) {
  if (!event.data || !event.data.keep) { return; }
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(event.data.keep.map(function (address) {
      return fetch(address, { credentials: "same-origin" }).then(function (response) {
        if (response.ok) { return cache.put(address, response); }
      }).catch(function () {});
    }));
  }));
});

function storable(request, response) {
  var rules = response.headers.get("Cache-Control") || "";
  return response.ok && response.type === "basic" && !/private|no-store/.test(rules);
}

function remember(request, response) {
  return caches.open(CACHE).then(function (cache) {
    return cache.put(request, response).then(function () { return cache.keys(); }).then(function (keys) {
      var pages = keys.filter(function (key) { return new URL(key.url).pathname.indexOf(STATIC) !== 0; });
      return Promise.all(pages.slice(0, Math.max(0, pages.length - MAX_VISITED)).map(function (key) { return cache.delete(key); }));
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (/^\/(admin|api|documents)\//.test(url.pathname)) { return; }
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).then(function (response) {
      if (storable(request, response)) { event.waitUntil(remember(request, response.clone())); }
      return response;
    }).catch(function () {
      return caches.match(request).then(function (cached) {
        return cached || new Response("{{ offline_message|escapejs }}", {
          status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" }
        });
      });
    }));
  } else if (url.pathname.indexOf(STATIC) === 0) {
    event.respondWith(caches.match(request).then(function (cached) {
      return cached || fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(request, copy); }));
        }
        return response;
      });
    }));
  }
});
