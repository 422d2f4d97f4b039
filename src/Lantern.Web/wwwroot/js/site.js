// Lantern public site. Everything works without this file; it only makes leaving faster and forms shorter.
(function () {
  'use strict';

  // Escape: blank the page at once, end the visit on the server and in the browser (POST /escape: the follow-up
  // session, the receipt page, every cookie, the cache), then replace the history entry with the neutral site.
  // Leaving never waits long for Lantern: the neutral site follows the answer, or two seconds at most, and the
  // request carries on (keepalive) if it is still under way then.
  var escape = document.getElementById('escape');
  var leaving = false;
  function leave(event) {
    if (event) { event.preventDefault(); }
    if (leaving) { return; }
    leaving = true;
    var neutral = escape ? escape.getAttribute('data-neutral') : null;
    document.title = '';
    document.body.innerHTML = '';
    document.documentElement.style.background = '#fff';
    if (!escape || !neutral || !window.fetch) {
      // The link's own way: /escape ends the visit, then redirects to the neutral site.
      window.location.replace(escape ? escape.href : 'about:blank');
      return;
    }
    var gone = false;
    function go() {
      if (!gone) { gone = true; window.location.replace(neutral); }
    }
    window.setTimeout(go, 2000);
    try {
      fetch(escape.href, { method: 'POST', credentials: 'same-origin', cache: 'no-store', keepalive: true, redirect: 'manual' })
        .then(go, go);
    } catch (e) {
      go();
    }
  }
  if (escape) { escape.addEventListener('click', leave); }

  // Shift pressed three times within a second also leaves (as GOV.UK's "Exit this page").
  var presses = [];
  document.addEventListener('keyup', function (event) {
    if (event.key !== 'Shift') { presses = []; return; }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1000; });
    presses.push(now);
    if (presses.length >= 3) { presses = []; leave(); }
  });

  // Contact details: only shown once the person chooses to be contacted.
  var details = document.getElementById('contact-details');
  var yes = document.getElementById('contactWanted-yes');
  var no = document.getElementById('contactWanted-no');
  function toggle() {
    var show = yes.checked;
    details.hidden = !show;
  }
  if (details && yes && no) {
    yes.addEventListener('change', toggle);
    no.addEventListener('change', toggle);
    toggle();
  }

  // Immediate danger: show the emergency numbers the moment "yes" is chosen.
  var dangerBox = document.getElementById('danger-now');
  if (dangerBox) {
    document.querySelectorAll('input[name=immediateDanger]').forEach(function (input) {
      input.addEventListener('change', function () { dangerBox.hidden = input.value !== 'yes'; });
    });
  }

  // Move focus to the error summary so screen readers announce it.
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
})();
