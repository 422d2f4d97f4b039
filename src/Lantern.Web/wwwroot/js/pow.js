// Lantern's proof of work (docs/SECURITY.md, "Floods"). On the questionnaire's review step it finds, while the person
// reads their answers, a counter such that SHA-256(challenge + counter in decimal) starts with `difficulty` zero bits,
// and puts it in the hidden field #proof. It runs in a Web Worker (this same file) so the page never freezes; where a
// worker cannot start it works in slices of a few milliseconds between the page's own tasks. Pressing "send" before it
// is done waits for it (a fraction of a second) and says so. Without JavaScript the server accepts the challenge once it
// is old enough, so nothing here is needed to send a report.
(function () {
  'use strict';

  // SHA-256 of one 64-byte block, the first 32-bit word only: the challenge is 40 ASCII characters and the counter at
  // most 15 digits, so the whole message and its padding fit one block (FIPS 180-4).
  var K = new Int32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ]);
  var W = new Int32Array(64);
  var block = new Uint8Array(64);
  var PREFIX = 40;
  var IV = [0x6a09e667 | 0, 0xbb67ae85 | 0, 0x3c6ef372 | 0, 0xa54ff53a | 0, 0x510e527f | 0, 0x9b05688c | 0, 0x1f83d9ab | 0, 0x5be0cd19 | 0];
  var mid = new Int32Array(8);

  // Rounds 0 to 9 read only words 0 to 9, which hold the challenge alone: done once per challenge, not per counter.
  function prepare(challenge) {
    var i;
    for (i = 0; i < PREFIX; i++) { block[i] = challenge.charCodeAt(i); }
    for (i = 0; i < 10; i++) {
      W[i] = (block[4 * i] << 24) | (block[4 * i + 1] << 16) | (block[4 * i + 2] << 8) | block[4 * i + 3];
    }
    var a = IV[0], b = IV[1], c = IV[2], d = IV[3], e = IV[4], f = IV[5], g = IV[6], h = IV[7];
    for (i = 0; i < 10; i++) {
      var t1 = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
      var t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    mid[0] = a; mid[1] = b; mid[2] = c; mid[3] = d; mid[4] = e; mid[5] = f; mid[6] = g; mid[7] = h;
  }

  // The counter's digits, the 0x80 end mark and the length in bits, after the challenge.
  function writeCounter(n) {
    var digits = String(n);
    var length = PREFIX + digits.length;
    for (var i = PREFIX; i < 64; i++) { block[i] = 0; }
    for (i = 0; i < digits.length; i++) { block[PREFIX + i] = digits.charCodeAt(i); }
    block[length] = 0x80;
    block[62] = (length * 8) >>> 8;
    block[63] = (length * 8) & 0xff;
    return length;
  }

  // The first 32-bit word of SHA-256 of the block (FIPS 180-4), from the state after round 9.
  function firstWord() {
    var i;
    for (i = 10; i < 16; i++) {
      W[i] = (block[4 * i] << 24) | (block[4 * i + 1] << 16) | (block[4 * i + 2] << 8) | block[4 * i + 3];
    }
    for (i = 16; i < 64; i++) {
      var w15 = W[i - 15], w2 = W[i - 2];
      var s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      var s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
    }
    var a = mid[0], b = mid[1], c = mid[2], d = mid[3], e = mid[4], f = mid[5], g = mid[6], h = mid[7];
    for (i = 10; i < 64; i++) {
      var t1 = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
      var t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    return (IV[0] + a) | 0;
  }

  // Tries counters from `from` (inclusive) to `to` (exclusive); the solution, or -1. The digits are counted up in
  // place, as on paper; only a new digit (9 to 10, 99 to 100...) writes the tail of the block again.
  function search(challenge, difficulty, from, to) {
    prepare(challenge);
    var end = writeCounter(from);
    for (var n = from; n < to; n++) {
      if (n !== from) {
        var p = end - 1;
        while (p >= PREFIX && block[p] === 57) { block[p] = 48; p--; }
        if (p < PREFIX) { end = writeCounter(n); } else { block[p]++; }
      }
      if (difficulty === 0 || (firstWord() >>> (32 - difficulty)) === 0) { return n; }
    }
    return -1;
  }

  // In the worker: one message in (challenge, difficulty), the counter out.
  if (typeof document === 'undefined') {
    self.onmessage = function (event) {
      var n = 0, found = -1;
      while (found < 0) { found = search(event.data.challenge, event.data.difficulty, n, n + 65536); n += 65536; }
      self.postMessage({ counter: found });
    };
    return;
  }

  var proof = document.getElementById('proof');
  var form = proof ? proof.form : null;
  var challenge = form && form.elements.challenge ? form.elements.challenge.value : '';
  var difficulty = proof ? parseInt(proof.getAttribute('data-difficulty'), 10) : NaN;
  if (!form || challenge.length !== PREFIX || !(difficulty >= 0 && difficulty <= 32)) { return; }

  var solved = false;
  var waiting = null;
  var started = Date.now();
  var status = document.getElementById('proof-status');

  function done(counter) {
    proof.value = String(counter);
    // How long it took, for the browser test that measures the chosen difficulty (docs/BENCHMARKS.md).
    proof.setAttribute('data-ms', String(Date.now() - started));
    solved = true;
    if (waiting) {
      var button = waiting;
      waiting = null;
      if (form.requestSubmit) {
        form.requestSubmit(button);
      } else {
        var action = document.createElement('input');
        action.type = 'hidden';
        action.name = button.name;
        action.value = button.value;
        form.appendChild(action);
        form.submit();
      }
    }
  }

  // Slices of about 10 ms between the page's own tasks: typing and scrolling stay smooth.
  function inSlices() {
    var n = 0;
    function slice() {
      var end = Date.now() + 10;
      while (Date.now() < end) {
        var found = search(challenge, difficulty, n, n + 2048);
        if (found >= 0) { done(found); return; }
        n += 2048;
      }
      window.setTimeout(slice, 0);
    }
    window.setTimeout(slice, 0);
  }

  var script = document.currentScript;
  try {
    var worker = new Worker(script ? script.src : '/js/pow.js');
    worker.onmessage = function (event) { done(event.data.counter); worker.terminate(); };
    worker.onerror = function (event) { event.preventDefault(); worker.terminate(); inSlices(); };
    worker.postMessage({ challenge: challenge, difficulty: difficulty });
  } catch (e) {
    inSlices();
  }

  form.addEventListener('submit', function (event) {
    var button = event.submitter;
    if (solved || !button || button.value !== 'send') { return; }
    // Sent before the work is done: wait for it, say so, and send as soon as it is.
    event.preventDefault();
    waiting = button;
    if (status) { status.hidden = false; }
  });
})();
