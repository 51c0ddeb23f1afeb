// Tale soundtrack: music and sounds from the book's cue map (<script id="tale-cues">, docs/cues.md),
// synthesised in the browser or played from the book's recordings. Nothing plays until the reader
// presses Sound; one button mutes everything. reader.js tells this file about pages ("tale:page"),
// spoken words ("tale:word") and read-aloud ("tale:reading"). The moving pictures are effects.js.
(function () {
  "use strict";
  var data = document.getElementById("tale-cues");
  if (!data) return;
  var Tale = window.Tale = window.Tale || {};
  // The cue map is read once, here; effects.js, which comes next, takes it from Tale.cues.
  var cues = Tale.cues = JSON.parse(data.textContent);
  var byScene = Tale.cueScenes = {};
  cues.scenes.forEach(function (scene) { byScene[scene.id] = scene; });
  var soundtrack = Tale.soundtrack = { enabled: false, theme: null, log: [] };
  var hasSound = cues.scenes.some(function (scene) { return scene.music || scene.sounds.length; });

  // ---- Music: a small generative score per theme (chords, pads, plucks, bells, bass, drone, pulse).
  var NOTE = { C: 0, "C#": 1, Db: 1, D: 2, Eb: 3, E: 4, F: 5, "F#": 6, Gb: 6, G: 7, Ab: 8, A: 9, Bb: 10, B: 11 };
  var SCALE = { major: [0, 2, 4, 5, 7, 9, 11], minor: [0, 2, 3, 5, 7, 8, 10] };
  var PROGRESSION = { major: [0, 4, 5, 3], minor: [0, 5, 2, 6] };
  function hz(midi) { return 440 * Math.pow(2, (midi - 69) / 12); }
  function chord(music, bar) {
    var scale = SCALE[music.mode] || SCALE.major;
    var tonic = 48 + (NOTE[music.key] || 0);
    var degree = (PROGRESSION[music.mode] || PROGRESSION.major)[bar % 4];
    return [0, 2, 4].map(function (step) {
      var d = degree + step;
      return tonic + scale[d % 7] + 12 * Math.floor(d / 7);
    });
  }
  function tone(ctx, out, type, frequency, start, length, level, attack, release, cutoff) {
    var oscillator = ctx.createOscillator();
    oscillator.type = type;
    oscillator.frequency.value = frequency;
    var gain = ctx.createGain();
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(level, start + attack);
    gain.gain.setTargetAtTime(0, start + length, release);
    var last = oscillator;
    if (cutoff) {
      var filter = ctx.createBiquadFilter();
      filter.type = "lowpass";
      filter.frequency.value = cutoff;
      oscillator.connect(filter);
      last = filter;
    }
    last.connect(gain);
    gain.connect(out);
    oscillator.start(start);
    oscillator.stop(start + length + release * 6);
  }
  var INSTRUMENTS = {
    pad: function (ctx, out, m, notes, t, beat) {
      notes.forEach(function (n) {
        tone(ctx, out, "sawtooth", hz(n + 12) * 0.998, t, beat * 3.6, 0.018 + 0.02 * m.intensity, beat * 0.9, beat * 0.8, 1100);
        tone(ctx, out, "sawtooth", hz(n + 12) * 1.003, t, beat * 3.6, 0.018 + 0.02 * m.intensity, beat * 0.9, beat * 0.8, 1100);
      });
    },
    pluck: function (ctx, out, m, notes, t, beat, bar) {
      var pattern = [0, 1, 2, 1, 0, 2, 1, 2];
      for (var i = 0; i < 8; i++) {
        if (m.intensity < 0.5 && i % 2) continue;
        tone(ctx, out, "triangle", hz(notes[pattern[(i + bar) % 8]] + 24), t + i * beat / 2, beat * 0.3, 0.06 + 0.05 * m.intensity, 0.005, 0.12);
      }
    },
    bells: function (ctx, out, m, notes, t, beat, bar) {
      [0, 2].forEach(function (b, i) {
        var n = notes[(bar + i) % 3] + 36;
        tone(ctx, out, "sine", hz(n), t + b * beat, beat * 0.2, 0.05, 0.002, 0.6);
        tone(ctx, out, "sine", hz(n) * 2.76, t + b * beat, beat * 0.1, 0.012, 0.002, 0.3);
      });
    },
    bass: function (ctx, out, m, notes, t, beat) {
      for (var b = 0; b < 4; b++) tone(ctx, out, "triangle", hz(notes[0] - 12), t + b * beat, beat * 0.7, 0.09 + 0.06 * m.intensity, 0.01, 0.1, 600);
    },
    drone: function (ctx, out, m, notes, t, beat) {
      tone(ctx, out, "sine", hz(notes[0] - 12), t, beat * 4, 0.07, beat, beat);
      tone(ctx, out, "sine", hz(notes[0] - 5), t, beat * 4, 0.035, beat, beat);
    },
    pulse: function (ctx, out, m, notes, t, beat) {
      for (var i = 0; i < 8; i++) tone(ctx, out, "square", hz(notes[0] - 12), t + i * beat / 2, beat * 0.12, 0.03 + 0.04 * m.intensity, 0.003, 0.05, 500);
    },
  };
  function scheduleBar(ctx, out, music, bar, t) {
    var beat = 60 / music.tempo;
    var notes = chord(music, bar);
    music.instruments.forEach(function (name) { if (INSTRUMENTS[name]) INSTRUMENTS[name](ctx, out, music, notes, t, beat, bar); });
    return t + beat * 4;
  }
  // Schedules `seconds` of a theme on any context: live, or an OfflineAudioContext for rendering.
  Tale.renderMusic = function (ctx, out, music, start, seconds) {
    for (var t = start, bar = 0; t < start + seconds; bar++) t = scheduleBar(ctx, out, music, bar, t);
  };

  // ---- Sounds, synthesised: rain, wind, thunder, waves, birds, owl, door, footsteps, bell.
  var noise = null;
  function noiseBuffer(ctx) {
    if (!noise) {
      noise = ctx.createBuffer(1, ctx.sampleRate * 2, ctx.sampleRate);
      var channel = noise.getChannelData(0), seed = 7;
      for (var i = 0; i < channel.length; i++) { seed = (seed * 16807) % 2147483647; channel[i] = seed / 1073741823.5 - 1; }
    }
    return noise;
  }
  function hiss(ctx, out, start, length, level, filterType, frequency, swell) {
    var source = ctx.createBufferSource();
    source.buffer = noiseBuffer(ctx);
    source.loop = true;
    var filter = ctx.createBiquadFilter();
    filter.type = filterType;
    filter.frequency.value = frequency;
    var gain = ctx.createGain();
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(level, start + (swell || 0.3));
    gain.gain.setTargetAtTime(0, start + length, length / 4);
    source.connect(filter);
    filter.connect(gain);
    gain.connect(out);
    source.start(start);
    source.stop(start + length * 2 + 1);
  }
  var SOUNDS = {
    rain: function (ctx, out, t) { hiss(ctx, out, t, 4, 0.12, "bandpass", 3000, 1); },
    wind: function (ctx, out, t) { hiss(ctx, out, t, 4, 0.1, "lowpass", 500, 1.5); },
    thunder: function (ctx, out, t) { hiss(ctx, out, t, 0.6, 0.5, "lowpass", 160, 0.05); },
    waves: function (ctx, out, t) { hiss(ctx, out, t, 2.5, 0.12, "lowpass", 900, 1.2); hiss(ctx, out, t + 3, 2.5, 0.1, "lowpass", 800, 1.2); },
    birds: function (ctx, out, t) {
      [0, 0.18, 0.5].forEach(function (d) {
        var o = ctx.createOscillator(), g = ctx.createGain();
        o.frequency.setValueAtTime(2200, t + d);
        o.frequency.linearRampToValueAtTime(3600, t + d + 0.09);
        g.gain.setValueAtTime(0, t + d);
        g.gain.linearRampToValueAtTime(0.05, t + d + 0.02);
        g.gain.linearRampToValueAtTime(0, t + d + 0.1);
        o.connect(g); g.connect(out); o.start(t + d); o.stop(t + d + 0.12);
      });
    },
    owl: function (ctx, out, t) { tone(ctx, out, "sine", 380, t, 0.3, 0.15, 0.05, 0.08); tone(ctx, out, "sine", 360, t + 0.55, 0.45, 0.15, 0.05, 0.1); },
    door: function (ctx, out, t) { [0, 0.25, 0.5].forEach(function (d) { tone(ctx, out, "sine", 95, t + d, 0.05, 0.5, 0.003, 0.05); }); },
    footsteps: function (ctx, out, t) { [0, 0.4, 0.8, 1.2].forEach(function (d) { hiss(ctx, out, t + d, 0.05, 0.3, "lowpass", 350, 0.01); }); },
    bell: function (ctx, out, t) { tone(ctx, out, "sine", 880, t, 0.1, 0.12, 0.002, 0.8); tone(ctx, out, "sine", 2112, t, 0.05, 0.03, 0.002, 0.4); },
  };

  // ---- The live engine: one context, a master gain (the mute), a music bus (ducks under read-aloud).
  var ctx = null, master, musicBus, effectsBus, playing = null, timer = null, page = null, soundTimers = [];
  function context() {
    if (ctx) return ctx;
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return null;
    ctx = new Context();
    master = ctx.createGain();
    master.connect(ctx.destination);
    musicBus = ctx.createGain();
    musicBus.connect(master);
    effectsBus = ctx.createGain();
    effectsBus.gain.value = 0.8;
    effectsBus.connect(master);
    return ctx;
  }
  function startTheme(music) {
    var now = ctx.currentTime;
    if (playing && music && playing.music.theme === music.theme) return;
    var fade = music ? Math.max(0.05, music.crossfade || 0.05) : 1;
    if (playing) {
      var old = playing.gain;
      old.gain.cancelScheduledValues(now);
      old.gain.setValueAtTime(old.gain.value, now);
      old.gain.linearRampToValueAtTime(0, now + fade);
      window.setTimeout(function () { old.disconnect(); }, (fade + 6) * 1000);
      soundtrack.log.push({ type: "fade-out", theme: playing.music.theme, seconds: fade });
    }
    playing = null;
    soundtrack.theme = null;
    if (!music) return;
    var gain = ctx.createGain();
    gain.gain.setValueAtTime(0, now);
    gain.gain.linearRampToValueAtTime(1, now + fade);
    gain.connect(musicBus);
    playing = { music: music, gain: gain, bar: 0, time: now + 0.05 };
    soundtrack.theme = music.theme;
    soundtrack.log.push({ type: "start", theme: music.theme, seconds: fade });
    tick();
  }
  function tick() {
    while (playing && playing.time < ctx.currentTime + 0.6) {
      playing.time = scheduleBar(ctx, playing.gain, playing.music, playing.bar++, playing.time);
    }
  }
  // Recordings from the book or theme (cues.files), decoded once; synthesis when there is none or it fails.
  var recordings = {};
  function recording(name) {
    var file = cues.files && cues.files[name];
    if (!file) return Promise.resolve(null);
    if (!recordings[name]) {
      recordings[name] = fetch(file).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.arrayBuffer();
      }).then(function (data) { return ctx.decodeAudioData(data); }).catch(function () { return null; });
    }
    return recordings[name];
  }
  function playSound(name) {
    if (!soundtrack.enabled || !ctx) return;
    recording(name).then(function (buffer) {
      if (!soundtrack.enabled) return;
      if (buffer) {
        var source = ctx.createBufferSource();
        source.buffer = buffer;
        source.connect(effectsBus);
        source.start(ctx.currentTime + 0.02);
      } else {
        (SOUNDS[name] || SOUNDS.bell)(ctx, effectsBus, ctx.currentTime + 0.02);
      }
      soundtrack.log.push({ type: "sound", name: name, recorded: !!buffer });
    });
  }
  function scheduleSounds(scene, reading) {
    soundTimers.forEach(window.clearTimeout);
    soundTimers = [];
    if (!scene) return;
    scene.sounds.forEach(function (sound) {
      sound.played = false;
      if (reading) return;
      soundTimers.push(window.setTimeout(function () { sound.played = true; playSound(sound.name); }, 400 + sound.word / 2.5 * 1000));
    });
  }
  function enable(on) {
    soundtrack.enabled = on;
    var button = document.querySelector(".reader-ui .sound");
    // The button says what it does ("Sound"); whether it is on is its pressed state.
    if (button) button.setAttribute("aria-pressed", String(on));
    var hint = document.querySelector(".reader-ui .sound-hint");
    if (hint) hint.hidden = true;
    if (on) {
      if (!context()) return;
      master.gain.cancelScheduledValues(ctx.currentTime);
      master.gain.setValueAtTime(1, ctx.currentTime);
      if (ctx.resume) ctx.resume();
      if (!timer) timer = window.setInterval(tick, 200);
      var scene = byScene[page];
      startTheme(scene && scene.music);
      scheduleSounds(scene, false);
    } else if (ctx) {
      window.clearInterval(timer);
      timer = null;
      startTheme(null);
      master.gain.setValueAtTime(0, ctx.currentTime);
      if (ctx.suspend) ctx.suspend();
      scheduleSounds(null);
    }
  }

  // ---- Wiring to the reader.
  document.addEventListener("tale:page", function (event) {
    page = event.detail.id;
    var hint = document.querySelector(".reader-ui .sound-hint");
    if (hint) hint.hidden = page !== "cover" || soundtrack.enabled || !hasSound;
    if (!soundtrack.enabled || !ctx) return;
    var scene = byScene[page];
    startTheme(scene && scene.music);
    scheduleSounds(scene, false);
  });
  document.addEventListener("tale:word", function (event) {
    var scene = byScene[page];
    if (!scene) return;
    soundTimers.forEach(window.clearTimeout);
    soundTimers = [];
    scene.sounds.forEach(function (sound) {
      if (!sound.played && event.detail.index >= sound.word) { sound.played = true; playSound(sound.name); }
    });
  });
  document.addEventListener("tale:reading", function (event) {
    if (!ctx) return;
    musicBus.gain.cancelScheduledValues(ctx.currentTime);
    musicBus.gain.setTargetAtTime(event.detail.active ? 0.25 : 1, ctx.currentTime, 0.3);
  });

  var button = document.querySelector(".reader-ui .sound");
  if (button && hasSound) {
    button.hidden = false;
    button.addEventListener("click", function () { enable(!soundtrack.enabled); });
  }
})();
