// A port of WPT's urlpattern/resources/urlpatterntests.js: runs every entry
// of urlpatterntestdata.json (global `wptData`) and returns
// {pass, fail, failures: [description…]}.
(function () {
  const kComponents = ['protocol', 'username', 'password', 'hostname', 'port', 'pathname', 'search', 'hash'];
  const EARLIER_COMPONENTS = {
    protocol: [], hostname: ['protocol'], port: ['protocol', 'hostname'], username: [], password: [],
    pathname: ['protocol', 'hostname', 'port'], search: ['protocol', 'hostname', 'port', 'pathname'],
    hash: ['protocol', 'hostname', 'port', 'pathname', 'search'],
  };
  const fail = (msg) => { throw new Error(msg); };
  const eq = (a, b, what) => { if (!Object.is(a, b)) fail(`${what}: got ${JSON.stringify(a)}, want ${JSON.stringify(b)}`); };
  const throwsType = (fn, what) => {
    try { fn(); } catch (e) { if (e instanceof TypeError) return; fail(`${what}: threw ${e && e.name} ${e && e.message}`); }
    fail(`${what}: did not throw`);
  };
  function objectEquals(a, b, what) {
    if (typeof a !== 'object' || a === null) fail(`${what}: not an object: ${JSON.stringify(a)}`);
    const ka = Object.keys(a).sort(), kb = Object.keys(b).sort();
    eq(JSON.stringify(ka), JSON.stringify(kb), what + ' keys');
    for (const k of ka) {
      if (typeof b[k] === 'object' && b[k] !== null) objectEquals(a[k], b[k], what + '.' + k);
      else eq(a[k], b[k], what + '.' + k);
    }
  }
  function run(entry) {
    if (entry.expected_obj === 'error') {
      throwsType(() => new URLPattern(...entry.pattern), 'URLPattern() constructor');
      return;
    }
    const pattern = new URLPattern(...entry.pattern);
    entry.expected_obj = entry.expected_obj || {};
    for (const component of kComponents) {
      let expected = entry.expected_obj[component];
      if (expected == undefined) {
        let baseURL = null;
        if (entry.pattern.length > 0 && entry.pattern[0].baseURL) baseURL = new URL(entry.pattern[0].baseURL);
        else if (entry.pattern.length > 1 && typeof entry.pattern[1] === 'string') baseURL = new URL(entry.pattern[1]);
        if (entry.exactly_empty_components && entry.exactly_empty_components.includes(component)) expected = '';
        else if (typeof entry.pattern[0] === 'object' && entry.pattern[0][component]) expected = entry.pattern[0][component];
        else if (typeof entry.pattern[0] === 'object' && EARLIER_COMPONENTS[component].some((c) => entry.pattern[0][c] !== undefined)) expected = '*';
        else if (baseURL && component !== 'username' && component !== 'password') {
          let v = baseURL[component];
          if (component === 'protocol') v = v.substring(0, v.length - 1);
          else if (component === 'search' || component === 'hash') v = v.substring(1, v.length);
          expected = v;
        } else expected = '*';
      }
      eq(pattern[component], expected, `compiled pattern property '${component}'`);
    }
    if (entry.expected_match === 'error') {
      throwsType(() => pattern.test(...entry.inputs), 'test() result');
      throwsType(() => pattern.exec(...entry.inputs), 'exec() result');
      return;
    }
    eq(pattern.test(...entry.inputs), !!entry.expected_match, 'test() result');
    const result = pattern.exec(...entry.inputs);
    if (!entry.expected_match || typeof entry.expected_match !== 'object') {
      eq(result, entry.expected_match, 'exec() failed match result');
      return;
    }
    if (!entry.expected_match.inputs) entry.expected_match.inputs = entry.inputs;
    eq(result.inputs.length, entry.expected_match.inputs.length, 'exec() result.inputs.length');
    for (let i = 0; i < result.inputs.length; ++i) {
      const input = result.inputs[i];
      const want = entry.expected_match.inputs[i];
      if (typeof input === 'string') { eq(input, want, `exec() result.inputs[${i}]`); continue; }
      for (const component of kComponents) eq(input[component], want[component], `exec() result.inputs[${i}][${component}]`);
    }
    for (const component of kComponents) {
      let want = entry.expected_match[component];
      if (!want) {
        want = { input: '', groups: {} };
        if (!entry.exactly_empty_components || !entry.exactly_empty_components.includes(component)) want.groups['0'] = '';
      }
      for (const key in want.groups) if (want.groups[key] === null) want.groups[key] = undefined;
      objectEquals(result[component], want, `exec() result for ${component}`);
    }
  }
  let pass = 0;
  const failures = [];
  for (let i = 0; i < wptData.length; i++) {
    const entry = wptData[i];
    const name = `#${i} Pattern: ${JSON.stringify(entry.pattern)} Inputs: ${JSON.stringify(entry.inputs)}`;
    try { run(entry); pass++; } catch (e) { failures.push(name + ' -- ' + (e && e.message)); }
  }
  return { pass, fail: failures.length, failures };
})()
