// Tale effects: rain, snow, fog, fireflies, stars, sparkles, leaves, bubbles, wind and lightning, drawn
// on a canvas over the page's picture from the book's cue map, which soundtrack.js reads (Tale.cues).
// Under reduced motion the effects stand still; lightning never flashes more than three times a
// second; the Effects setting ("tale:settings", class effects-off) takes them away. reader.js says
// which page is showing ("tale:page").
(function () {
  "use strict";
  var Tale = window.Tale;
  if (!Tale || !Tale.cueScenes) return;
  var byScene = Tale.cueScenes;
  var root = document.documentElement;
  var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  var effectsState = Tale.effects = { active: [], flashes: [], frames: 0 };
  var page = null;

  // ---- A canvas over the illustration.
  var canvas = null, drawing = null, particles = [], lastFrame = 0, strikeAt = 0, flashLevel = 0, watcher = null;
  var COLORS = { rain: "rgba(190,215,255,0.75)", snow: "rgba(255,255,255,0.9)", fog: "rgba(235,240,245,0.16)",
    fireflies: "rgba(255,236,120,0.95)", stars: "rgba(255,250,210,0.95)", sparkles: "rgba(255,255,255,0.95)",
    leaves: "rgba(214,120,40,0.9)", bubbles: "rgba(210,240,255,0.8)", wind: "rgba(255,255,255,0.45)" };
  function seedParticles(scene, width, height) {
    particles = [];
    var seed = 1;
    function random() { seed = (seed * 48271) % 2147483647; return seed / 2147483647; }
    scene.effects.forEach(function (effect) {
      if (effect.name === "lightning") return;
      var count = Math.round((effect.name === "fog" ? 8 : effect.name === "rain" ? 90 : 40) * (0.4 + effect.intensity));
      for (var i = 0; i < count; i++) {
        particles.push({ kind: effect.name, x: random() * width, y: random() * height, r: 1 + random() * 3,
          vx: (random() - 0.5), vy: random(), phase: random() * 6.28 });
      }
    });
  }
  function drawParticle(g, p, width, height, time) {
    g.fillStyle = g.strokeStyle = COLORS[p.kind];
    switch (p.kind) {
      case "rain": g.lineWidth = 1.5; g.beginPath(); g.moveTo(p.x, p.y); g.lineTo(p.x - 3, p.y + 14); g.stroke(); break;
      case "wind": g.lineWidth = 2; g.beginPath(); g.moveTo(p.x, p.y); g.lineTo(p.x + 40, p.y); g.stroke(); break;
      case "fog": g.beginPath(); g.ellipse(p.x, p.y, width / 4, height / 10, 0, 0, 6.28); g.fill(); break;
      case "bubbles": g.lineWidth = 1.5; g.beginPath(); g.arc(p.x, p.y, p.r * 3, 0, 6.28); g.stroke(); break;
      case "leaves": g.beginPath(); g.ellipse(p.x, p.y, p.r * 3, p.r * 1.5, p.phase + time / 600, 0, 6.28); g.fill(); break;
      default:
        g.globalAlpha = p.kind === "stars" || p.kind === "sparkles" || p.kind === "fireflies" ? 0.4 + 0.6 * Math.abs(Math.sin(p.phase + time / 500)) : 1;
        g.beginPath(); g.arc(p.x, p.y, p.kind === "fireflies" ? p.r + 1 : p.r, 0, 6.28); g.fill();
        g.globalAlpha = 1;
    }
  }
  function moveParticle(p, width, height, dt) {
    var speed = { rain: 0.6, snow: 0.05, fog: 0.01, fireflies: 0.03, stars: 0, sparkles: 0, leaves: 0.06, bubbles: -0.05, wind: 0 }[p.kind] || 0;
    p.y += speed * dt * (0.5 + p.vy);
    p.x += (p.kind === "wind" ? 0.5 : p.kind === "fog" ? 0.02 : p.kind === "fireflies" ? p.vx * 0.05 : p.kind === "snow" || p.kind === "leaves" ? p.vx * 0.03 : 0) * dt;
    if (p.y > height + 20) p.y = -20;
    if (p.y < -20) p.y = height + 20;
    if (p.x > width + 60) p.x = -60;
    if (p.x < -60) p.x = width + 60;
  }
  // Lightning strikes as a few quick flashes; never more than three flashes in any second.
  function flashAllowed(now) {
    var recent = effectsState.flashes.filter(function (t) { return now - t < 1000; });
    return recent.length < 3;
  }
  function frame(now) {
    var scene = byScene[page];
    if (!canvas || !scene) return;
    var g = canvas.getContext("2d"), width = canvas.width, height = canvas.height;
    var dt = Math.min(50, now - (lastFrame || now));
    lastFrame = now;
    g.clearRect(0, 0, width, height);
    particles.forEach(function (p) { moveParticle(p, width, height, dt); drawParticle(g, p, width, height, now); });
    var lightning = scene.effects.some(function (e) { return e.name === "lightning"; });
    if (lightning && now >= strikeAt) {
      var flashes = 4;
      for (var i = 0; i < flashes; i++) {
        window.setTimeout(function () {
          var t = performance.now();
          if (flashAllowed(t)) { effectsState.flashes.push(t); flashLevel = 0.55; }
        }, i * 120);
      }
      strikeAt = now + 1800 + Math.random() * 2200;
    }
    if (flashLevel > 0.01) {
      g.fillStyle = "rgba(255,255,255," + flashLevel + ")";
      g.fillRect(0, 0, width, height);
      flashLevel *= 0.8;
    }
    effectsState.frames++;
    drawing = window.requestAnimationFrame(frame);
  }
  // The canvas lies exactly over the picture (or the words, on a page without one) and is drawn at its
  // size; a ResizeObserver keeps it so as the picture lays out, loads or the screen turns.
  function fit(scene, box) {
    var width = Math.max(1, Math.round(box.offsetWidth)), height = Math.max(1, Math.round(box.offsetHeight));
    var inside = box !== canvas.parentNode;
    canvas.style.left = (inside ? box.offsetLeft : 0) + "px";
    canvas.style.top = (inside ? box.offsetTop : 0) + "px";
    canvas.style.width = width + "px";
    canvas.style.height = height + "px";
    if (canvas.width === width && canvas.height === height) return;
    canvas.width = width;
    canvas.height = height;
    seedParticles(scene, width, height);
    if (reduceMotion.matches) {
      // A still picture instead of motion, and no flashes.
      var g = canvas.getContext("2d");
      particles.forEach(function (p) { drawParticle(g, p, width, height, 0); });
      effectsState.frames++;
    }
  }
  function showEffects(id) {
    if (drawing) window.cancelAnimationFrame(drawing);
    drawing = null;
    if (watcher) watcher.disconnect();
    watcher = null;
    if (canvas) canvas.remove();
    canvas = null;
    effectsState.active = [];
    var scene = byScene[id];
    var section = document.getElementById(id);
    if (!scene || !section || !scene.effects.length || root.classList.contains("effects-off")) return;
    var host = section.querySelector(".art") || section.querySelector(".words");
    var box = host.querySelector("img") || host;
    canvas = document.createElement("canvas");
    canvas.className = "effects";
    canvas.setAttribute("aria-hidden", "true");
    canvas.width = canvas.height = 0;
    host.appendChild(canvas);
    effectsState.active = scene.effects.map(function (e) { return e.name; });
    fit(scene, box);
    if (window.ResizeObserver) {
      watcher = new window.ResizeObserver(function () { if (canvas) fit(scene, box); });
      watcher.observe(box);
    }
    strikeAt = performance.now() + 800;
    if (reduceMotion.matches) return;
    lastFrame = 0;
    drawing = window.requestAnimationFrame(frame);
  }

  document.addEventListener("tale:page", function (event) {
    page = event.detail.id;
    showEffects(page);
  });
  document.addEventListener("tale:settings", function () { showEffects(page); });
})();
