// Parvis pages work without this script; it only adds "use my location" and place suggestions
// on the home page. Served from this origin (the Content-Security-Policy allows no inline script).
(function () {
  'use strict';

  var form = document.getElementById('place-form');
  if (!form) {
    return;
  }
  var input = document.getElementById('q');
  var lang = form.querySelector('input[name="lang"]').value;

  function chosenThemes() {
    var themes = [];
    form.querySelectorAll('input[name="themes"]:checked').forEach(function (box) {
      themes.push(box.value);
    });
    return themes;
  }

  function goToFeed(placeId) {
    var url = '/feed?place=' + encodeURIComponent(placeId);
    var themes = chosenThemes();
    if (themes.length > 0) {
      url += '&themes=' + encodeURIComponent(themes.join(','));
    }
    window.location.assign(url + '&lang=' + encodeURIComponent(lang));
  }

  // "Use my location": the browser's position, placed in its commune by the node.
  var locate = document.getElementById('locate');
  var status = document.getElementById('locate-status');
  if (locate && 'geolocation' in navigator && window.fetch) {
    locate.hidden = false;
    locate.addEventListener('click', function () {
      status.textContent = locate.getAttribute('data-busy');
      navigator.geolocation.getCurrentPosition(function (position) {
        var lat = position.coords.latitude.toFixed(5);
        var lon = position.coords.longitude.toFixed(5);
        fetch('/api/v1/places/at?lat=' + lat + '&lon=' + lon, {headers: {Accept: 'application/json'}})
          .then(function (response) {
            if (!response.ok) {
              throw new Error('status ' + response.status);
            }
            return response.json();
          })
          .then(function (answer) {
            if (answer.found && answer.place) {
              goToFeed(answer.place.id);
            } else {
              status.textContent = locate.getAttribute('data-error');
            }
          })
          .catch(function () {
            status.textContent = locate.getAttribute('data-error');
          });
      }, function () {
        status.textContent = locate.getAttribute('data-error');
      }, {timeout: 15000, maximumAge: 600000});
    });
  }

  // Suggestions while typing, from the node's place search.
  var list = document.getElementById('place-suggestions');
  var timer = null;
  if (input && list && window.fetch) {
    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) {
        return;
      }
      timer = window.setTimeout(function () {
        fetch('/api/v1/places?limit=8&q=' + encodeURIComponent(q), {headers: {Accept: 'application/json'}})
          .then(function (response) {
            return response.ok ? response.json() : {places: []};
          })
          .then(function (answer) {
            list.textContent = '';
            (answer.places || []).forEach(function (place) {
              var option = document.createElement('option');
              option.value = place.name;
              option.label = place.name + (place.departement ? ' (' + place.departement.code + ')' : '');
              list.appendChild(option);
            });
          })
          .catch(function () {
            list.textContent = '';
          });
      }, 250);
    });
  }
})();
