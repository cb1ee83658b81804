#!/usr/bin/env node
import { createRequire as __clbGuardCreateRequire } from 'node:module';
const require = __clbGuardCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/ajv/dist/compile/codegen/code.js
var require_code = __commonJS({
  "node_modules/ajv/dist/compile/codegen/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
    var _CodeOrName = class {
    };
    exports._CodeOrName = _CodeOrName;
    exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
    var Name = class extends _CodeOrName {
      constructor(s) {
        super();
        if (!exports.IDENTIFIER.test(s))
          throw new Error("CodeGen: name must be a valid identifier");
        this.str = s;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        return false;
      }
      get names() {
        return { [this.str]: 1 };
      }
    };
    exports.Name = Name;
    var _Code = class extends _CodeOrName {
      constructor(code) {
        super();
        this._items = typeof code === "string" ? [code] : code;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        if (this._items.length > 1)
          return false;
        const item = this._items[0];
        return item === "" || item === '""';
      }
      get str() {
        var _a;
        return (_a = this._str) !== null && _a !== void 0 ? _a : this._str = this._items.reduce((s, c) => `${s}${c}`, "");
      }
      get names() {
        var _a;
        return (_a = this._names) !== null && _a !== void 0 ? _a : this._names = this._items.reduce((names, c) => {
          if (c instanceof Name)
            names[c.str] = (names[c.str] || 0) + 1;
          return names;
        }, {});
      }
    };
    exports._Code = _Code;
    exports.nil = new _Code("");
    function _(strs, ...args) {
      const code = [strs[0]];
      let i = 0;
      while (i < args.length) {
        addCodeArg(code, args[i]);
        code.push(strs[++i]);
      }
      return new _Code(code);
    }
    exports._ = _;
    var plus = new _Code("+");
    function str(strs, ...args) {
      const expr = [safeStringify(strs[0])];
      let i = 0;
      while (i < args.length) {
        expr.push(plus);
        addCodeArg(expr, args[i]);
        expr.push(plus, safeStringify(strs[++i]));
      }
      optimize(expr);
      return new _Code(expr);
    }
    exports.str = str;
    function addCodeArg(code, arg) {
      if (arg instanceof _Code)
        code.push(...arg._items);
      else if (arg instanceof Name)
        code.push(arg);
      else
        code.push(interpolate(arg));
    }
    exports.addCodeArg = addCodeArg;
    function optimize(expr) {
      let i = 1;
      while (i < expr.length - 1) {
        if (expr[i] === plus) {
          const res = mergeExprItems(expr[i - 1], expr[i + 1]);
          if (res !== void 0) {
            expr.splice(i - 1, 3, res);
            continue;
          }
          expr[i++] = "+";
        }
        i++;
      }
    }
    function mergeExprItems(a, b) {
      if (b === '""')
        return a;
      if (a === '""')
        return b;
      if (typeof a == "string") {
        if (b instanceof Name || a[a.length - 1] !== '"')
          return;
        if (typeof b != "string")
          return `${a.slice(0, -1)}${b}"`;
        if (b[0] === '"')
          return a.slice(0, -1) + b.slice(1);
        return;
      }
      if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
        return `"${a}${b.slice(1)}`;
      return;
    }
    function strConcat(c1, c2) {
      return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str`${c1}${c2}`;
    }
    exports.strConcat = strConcat;
    function interpolate(x) {
      return typeof x == "number" || typeof x == "boolean" || x === null ? x : safeStringify(Array.isArray(x) ? x.join(",") : x);
    }
    function stringify(x) {
      return new _Code(safeStringify(x));
    }
    exports.stringify = stringify;
    function safeStringify(x) {
      return JSON.stringify(x).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
    }
    exports.safeStringify = safeStringify;
    function getProperty(key) {
      return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _`[${key}]`;
    }
    exports.getProperty = getProperty;
    function getEsmExportName(key) {
      if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
        return new _Code(`${key}`);
      }
      throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
    }
    exports.getEsmExportName = getEsmExportName;
    function regexpCode(rx) {
      return new _Code(rx.toString());
    }
    exports.regexpCode = regexpCode;
  }
});

// node_modules/ajv/dist/compile/codegen/scope.js
var require_scope = __commonJS({
  "node_modules/ajv/dist/compile/codegen/scope.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
    var code_1 = require_code();
    var ValueError = class extends Error {
      constructor(name) {
        super(`CodeGen: "code" for ${name} not defined`);
        this.value = name.value;
      }
    };
    var UsedValueState;
    (function(UsedValueState2) {
      UsedValueState2[UsedValueState2["Started"] = 0] = "Started";
      UsedValueState2[UsedValueState2["Completed"] = 1] = "Completed";
    })(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
    exports.varKinds = {
      const: new code_1.Name("const"),
      let: new code_1.Name("let"),
      var: new code_1.Name("var")
    };
    var Scope = class {
      constructor({ prefixes: prefixes2, parent } = {}) {
        this._names = {};
        this._prefixes = prefixes2;
        this._parent = parent;
      }
      toName(nameOrPrefix) {
        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
      }
      name(prefix) {
        return new code_1.Name(this._newName(prefix));
      }
      _newName(prefix) {
        const ng = this._names[prefix] || this._nameGroup(prefix);
        return `${prefix}${ng.index++}`;
      }
      _nameGroup(prefix) {
        var _a, _b;
        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || this._prefixes && !this._prefixes.has(prefix)) {
          throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
        }
        return this._names[prefix] = { prefix, index: 0 };
      }
    };
    exports.Scope = Scope;
    var ValueScopeName = class extends code_1.Name {
      constructor(prefix, nameStr) {
        super(nameStr);
        this.prefix = prefix;
      }
      setValue(value, { property, itemIndex }) {
        this.value = value;
        this.scopePath = (0, code_1._)`.${new code_1.Name(property)}[${itemIndex}]`;
      }
    };
    exports.ValueScopeName = ValueScopeName;
    var line = (0, code_1._)`\n`;
    var ValueScope = class extends Scope {
      constructor(opts) {
        super(opts);
        this._values = {};
        this._scope = opts.scope;
        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
      }
      get() {
        return this._scope;
      }
      name(prefix) {
        return new ValueScopeName(prefix, this._newName(prefix));
      }
      value(nameOrPrefix, value) {
        var _a;
        if (value.ref === void 0)
          throw new Error("CodeGen: ref must be passed in value");
        const name = this.toName(nameOrPrefix);
        const { prefix } = name;
        const valueKey = (_a = value.key) !== null && _a !== void 0 ? _a : value.ref;
        let vs = this._values[prefix];
        if (vs) {
          const _name = vs.get(valueKey);
          if (_name)
            return _name;
        } else {
          vs = this._values[prefix] = /* @__PURE__ */ new Map();
        }
        vs.set(valueKey, name);
        const s = this._scope[prefix] || (this._scope[prefix] = []);
        const itemIndex = s.length;
        s[itemIndex] = value.ref;
        name.setValue(value, { property: prefix, itemIndex });
        return name;
      }
      getValue(prefix, keyOrRef) {
        const vs = this._values[prefix];
        if (!vs)
          return;
        return vs.get(keyOrRef);
      }
      scopeRefs(scopeName, values = this._values) {
        return this._reduceValues(values, (name) => {
          if (name.scopePath === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return (0, code_1._)`${scopeName}${name.scopePath}`;
        });
      }
      scopeCode(values = this._values, usedValues, getCode) {
        return this._reduceValues(values, (name) => {
          if (name.value === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return name.value.code;
        }, usedValues, getCode);
      }
      _reduceValues(values, valueCode, usedValues = {}, getCode) {
        let code = code_1.nil;
        for (const prefix in values) {
          const vs = values[prefix];
          if (!vs)
            continue;
          const nameSet = usedValues[prefix] = usedValues[prefix] || /* @__PURE__ */ new Map();
          vs.forEach((name) => {
            if (nameSet.has(name))
              return;
            nameSet.set(name, UsedValueState.Started);
            let c = valueCode(name);
            if (c) {
              const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
              code = (0, code_1._)`${code}${def} ${name} = ${c};${this.opts._n}`;
            } else if (c = getCode === null || getCode === void 0 ? void 0 : getCode(name)) {
              code = (0, code_1._)`${code}${c}${this.opts._n}`;
            } else {
              throw new ValueError(name);
            }
            nameSet.set(name, UsedValueState.Completed);
          });
        }
        return code;
      }
    };
    exports.ValueScope = ValueScope;
  }
});

// node_modules/ajv/dist/compile/codegen/index.js
var require_codegen = __commonJS({
  "node_modules/ajv/dist/compile/codegen/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
    var code_1 = require_code();
    var scope_1 = require_scope();
    var code_2 = require_code();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return code_2._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return code_2.str;
    } });
    Object.defineProperty(exports, "strConcat", { enumerable: true, get: function() {
      return code_2.strConcat;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return code_2.nil;
    } });
    Object.defineProperty(exports, "getProperty", { enumerable: true, get: function() {
      return code_2.getProperty;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return code_2.stringify;
    } });
    Object.defineProperty(exports, "regexpCode", { enumerable: true, get: function() {
      return code_2.regexpCode;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return code_2.Name;
    } });
    var scope_2 = require_scope();
    Object.defineProperty(exports, "Scope", { enumerable: true, get: function() {
      return scope_2.Scope;
    } });
    Object.defineProperty(exports, "ValueScope", { enumerable: true, get: function() {
      return scope_2.ValueScope;
    } });
    Object.defineProperty(exports, "ValueScopeName", { enumerable: true, get: function() {
      return scope_2.ValueScopeName;
    } });
    Object.defineProperty(exports, "varKinds", { enumerable: true, get: function() {
      return scope_2.varKinds;
    } });
    exports.operators = {
      GT: new code_1._Code(">"),
      GTE: new code_1._Code(">="),
      LT: new code_1._Code("<"),
      LTE: new code_1._Code("<="),
      EQ: new code_1._Code("==="),
      NEQ: new code_1._Code("!=="),
      NOT: new code_1._Code("!"),
      OR: new code_1._Code("||"),
      AND: new code_1._Code("&&"),
      ADD: new code_1._Code("+")
    };
    var Node = class {
      optimizeNodes() {
        return this;
      }
      optimizeNames(_names, _constants) {
        return this;
      }
    };
    var Def = class extends Node {
      constructor(varKind, name, rhs) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.rhs = rhs;
      }
      render({ es5, _n }) {
        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
        const rhs = this.rhs === void 0 ? "" : ` = ${this.rhs}`;
        return `${varKind} ${this.name}${rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (!names[this.name.str])
          return;
        if (this.rhs)
          this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
      }
    };
    var Assign = class extends Node {
      constructor(lhs, rhs, sideEffects) {
        super();
        this.lhs = lhs;
        this.rhs = rhs;
        this.sideEffects = sideEffects;
      }
      render({ _n }) {
        return `${this.lhs} = ${this.rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
          return;
        this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
        return addExprNames(names, this.rhs);
      }
    };
    var AssignOp = class extends Assign {
      constructor(lhs, op, rhs, sideEffects) {
        super(lhs, rhs, sideEffects);
        this.op = op;
      }
      render({ _n }) {
        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
      }
    };
    var Label = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        return `${this.label}:` + _n;
      }
    };
    var Break = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        const label = this.label ? ` ${this.label}` : "";
        return `break${label};` + _n;
      }
    };
    var Throw = class extends Node {
      constructor(error) {
        super();
        this.error = error;
      }
      render({ _n }) {
        return `throw ${this.error};` + _n;
      }
      get names() {
        return this.error.names;
      }
    };
    var AnyCode = class extends Node {
      constructor(code) {
        super();
        this.code = code;
      }
      render({ _n }) {
        return `${this.code};` + _n;
      }
      optimizeNodes() {
        return `${this.code}` ? this : void 0;
      }
      optimizeNames(names, constants) {
        this.code = optimizeExpr(this.code, names, constants);
        return this;
      }
      get names() {
        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
      }
    };
    var ParentNode = class extends Node {
      constructor(nodes = []) {
        super();
        this.nodes = nodes;
      }
      render(opts) {
        return this.nodes.reduce((code, n) => code + n.render(opts), "");
      }
      optimizeNodes() {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i].optimizeNodes();
          if (Array.isArray(n))
            nodes.splice(i, 1, ...n);
          else if (n)
            nodes[i] = n;
          else
            nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      optimizeNames(names, constants) {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i];
          if (n.optimizeNames(names, constants))
            continue;
          subtractNames(names, n.names);
          nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      get names() {
        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
      }
    };
    var BlockNode = class extends ParentNode {
      render(opts) {
        return "{" + opts._n + super.render(opts) + "}" + opts._n;
      }
    };
    var Root = class extends ParentNode {
    };
    var Else = class extends BlockNode {
    };
    Else.kind = "else";
    var If = class _If extends BlockNode {
      constructor(condition, nodes) {
        super(nodes);
        this.condition = condition;
      }
      render(opts) {
        let code = `if(${this.condition})` + super.render(opts);
        if (this.else)
          code += "else " + this.else.render(opts);
        return code;
      }
      optimizeNodes() {
        super.optimizeNodes();
        const cond = this.condition;
        if (cond === true)
          return this.nodes;
        let e = this.else;
        if (e) {
          const ns = e.optimizeNodes();
          e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
        }
        if (e) {
          if (cond === false)
            return e instanceof _If ? e : e.nodes;
          if (this.nodes.length)
            return this;
          return new _If(not(cond), e instanceof _If ? [e] : e.nodes);
        }
        if (cond === false || !this.nodes.length)
          return void 0;
        return this;
      }
      optimizeNames(names, constants) {
        var _a;
        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        if (!(super.optimizeNames(names, constants) || this.else))
          return;
        this.condition = optimizeExpr(this.condition, names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        addExprNames(names, this.condition);
        if (this.else)
          addNames(names, this.else.names);
        return names;
      }
    };
    If.kind = "if";
    var For = class extends BlockNode {
    };
    For.kind = "for";
    var ForLoop = class extends For {
      constructor(iteration) {
        super();
        this.iteration = iteration;
      }
      render(opts) {
        return `for(${this.iteration})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iteration = optimizeExpr(this.iteration, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iteration.names);
      }
    };
    var ForRange = class extends For {
      constructor(varKind, name, from, to) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.from = from;
        this.to = to;
      }
      render(opts) {
        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
        const { name, from, to } = this;
        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
      }
      get names() {
        const names = addExprNames(super.names, this.from);
        return addExprNames(names, this.to);
      }
    };
    var ForIter = class extends For {
      constructor(loop, varKind, name, iterable) {
        super();
        this.loop = loop;
        this.varKind = varKind;
        this.name = name;
        this.iterable = iterable;
      }
      render(opts) {
        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iterable = optimizeExpr(this.iterable, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iterable.names);
      }
    };
    var Func = class extends BlockNode {
      constructor(name, args, async) {
        super();
        this.name = name;
        this.args = args;
        this.async = async;
      }
      render(opts) {
        const _async = this.async ? "async " : "";
        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
      }
    };
    Func.kind = "func";
    var Return = class extends ParentNode {
      render(opts) {
        return "return " + super.render(opts);
      }
    };
    Return.kind = "return";
    var Try = class extends BlockNode {
      render(opts) {
        let code = "try" + super.render(opts);
        if (this.catch)
          code += this.catch.render(opts);
        if (this.finally)
          code += this.finally.render(opts);
        return code;
      }
      optimizeNodes() {
        var _a, _b;
        super.optimizeNodes();
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
      }
      optimizeNames(names, constants) {
        var _a, _b;
        super.optimizeNames(names, constants);
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        if (this.catch)
          addNames(names, this.catch.names);
        if (this.finally)
          addNames(names, this.finally.names);
        return names;
      }
    };
    var Catch = class extends BlockNode {
      constructor(error) {
        super();
        this.error = error;
      }
      render(opts) {
        return `catch(${this.error})` + super.render(opts);
      }
    };
    Catch.kind = "catch";
    var Finally = class extends BlockNode {
      render(opts) {
        return "finally" + super.render(opts);
      }
    };
    Finally.kind = "finally";
    var CodeGen = class {
      constructor(extScope, opts = {}) {
        this._values = {};
        this._blockStarts = [];
        this._constants = {};
        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
        this._extScope = extScope;
        this._scope = new scope_1.Scope({ parent: extScope });
        this._nodes = [new Root()];
      }
      toString() {
        return this._root.render(this.opts);
      }
      // returns unique name in the internal scope
      name(prefix) {
        return this._scope.name(prefix);
      }
      // reserves unique name in the external scope
      scopeName(prefix) {
        return this._extScope.name(prefix);
      }
      // reserves unique name in the external scope and assigns value to it
      scopeValue(prefixOrName, value) {
        const name = this._extScope.value(prefixOrName, value);
        const vs = this._values[name.prefix] || (this._values[name.prefix] = /* @__PURE__ */ new Set());
        vs.add(name);
        return name;
      }
      getScopeValue(prefix, keyOrRef) {
        return this._extScope.getValue(prefix, keyOrRef);
      }
      // return code that assigns values in the external scope to the names that are used internally
      // (same names that were returned by gen.scopeName or gen.scopeValue)
      scopeRefs(scopeName) {
        return this._extScope.scopeRefs(scopeName, this._values);
      }
      scopeCode() {
        return this._extScope.scopeCode(this._values);
      }
      _def(varKind, nameOrPrefix, rhs, constant) {
        const name = this._scope.toName(nameOrPrefix);
        if (rhs !== void 0 && constant)
          this._constants[name.str] = rhs;
        this._leafNode(new Def(varKind, name, rhs));
        return name;
      }
      // `const` declaration (`var` in es5 mode)
      const(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
      }
      // `let` declaration with optional assignment (`var` in es5 mode)
      let(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
      }
      // `var` declaration with optional assignment
      var(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
      }
      // assignment code
      assign(lhs, rhs, sideEffects) {
        return this._leafNode(new Assign(lhs, rhs, sideEffects));
      }
      // `+=` code
      add(lhs, rhs) {
        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
      }
      // appends passed SafeExpr to code or executes Block
      code(c) {
        if (typeof c == "function")
          c();
        else if (c !== code_1.nil)
          this._leafNode(new AnyCode(c));
        return this;
      }
      // returns code for object literal for the passed argument list of key-value pairs
      object(...keyValues) {
        const code = ["{"];
        for (const [key, value] of keyValues) {
          if (code.length > 1)
            code.push(",");
          code.push(key);
          if (key !== value || this.opts.es5) {
            code.push(":");
            (0, code_1.addCodeArg)(code, value);
          }
        }
        code.push("}");
        return new code_1._Code(code);
      }
      // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
      if(condition, thenBody, elseBody) {
        this._blockNode(new If(condition));
        if (thenBody && elseBody) {
          this.code(thenBody).else().code(elseBody).endIf();
        } else if (thenBody) {
          this.code(thenBody).endIf();
        } else if (elseBody) {
          throw new Error('CodeGen: "else" body without "then" body');
        }
        return this;
      }
      // `else if` clause - invalid without `if` or after `else` clauses
      elseIf(condition) {
        return this._elseNode(new If(condition));
      }
      // `else` clause - only valid after `if` or `else if` clauses
      else() {
        return this._elseNode(new Else());
      }
      // end `if` statement (needed if gen.if was used only with condition)
      endIf() {
        return this._endBlockNode(If, Else);
      }
      _for(node, forBody) {
        this._blockNode(node);
        if (forBody)
          this.code(forBody).endFor();
        return this;
      }
      // a generic `for` clause (or statement if `forBody` is passed)
      for(iteration, forBody) {
        return this._for(new ForLoop(iteration), forBody);
      }
      // `for` statement for a range of values
      forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
      }
      // `for-of` statement (in es5 mode replace with a normal for loop)
      forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
        const name = this._scope.toName(nameOrPrefix);
        if (this.opts.es5) {
          const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
          return this.forRange("_i", 0, (0, code_1._)`${arr}.length`, (i) => {
            this.var(name, (0, code_1._)`${arr}[${i}]`);
            forBody(name);
          });
        }
        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
      }
      // `for-in` statement.
      // With option `ownProperties` replaced with a `for-of` loop for object keys
      forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
        if (this.opts.ownProperties) {
          return this.forOf(nameOrPrefix, (0, code_1._)`Object.keys(${obj})`, forBody);
        }
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForIter("in", varKind, name, obj), () => forBody(name));
      }
      // end `for` loop
      endFor() {
        return this._endBlockNode(For);
      }
      // `label` statement
      label(label) {
        return this._leafNode(new Label(label));
      }
      // `break` statement
      break(label) {
        return this._leafNode(new Break(label));
      }
      // `return` statement
      return(value) {
        const node = new Return();
        this._blockNode(node);
        this.code(value);
        if (node.nodes.length !== 1)
          throw new Error('CodeGen: "return" should have one node');
        return this._endBlockNode(Return);
      }
      // `try` statement
      try(tryBody, catchCode, finallyCode) {
        if (!catchCode && !finallyCode)
          throw new Error('CodeGen: "try" without "catch" and "finally"');
        const node = new Try();
        this._blockNode(node);
        this.code(tryBody);
        if (catchCode) {
          const error = this.name("e");
          this._currNode = node.catch = new Catch(error);
          catchCode(error);
        }
        if (finallyCode) {
          this._currNode = node.finally = new Finally();
          this.code(finallyCode);
        }
        return this._endBlockNode(Catch, Finally);
      }
      // `throw` statement
      throw(error) {
        return this._leafNode(new Throw(error));
      }
      // start self-balancing block
      block(body, nodeCount) {
        this._blockStarts.push(this._nodes.length);
        if (body)
          this.code(body).endBlock(nodeCount);
        return this;
      }
      // end the current self-balancing block
      endBlock(nodeCount) {
        const len = this._blockStarts.pop();
        if (len === void 0)
          throw new Error("CodeGen: not in self-balancing block");
        const toClose = this._nodes.length - len;
        if (toClose < 0 || nodeCount !== void 0 && toClose !== nodeCount) {
          throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
        }
        this._nodes.length = len;
        return this;
      }
      // `function` heading (or definition if funcBody is passed)
      func(name, args = code_1.nil, async, funcBody) {
        this._blockNode(new Func(name, args, async));
        if (funcBody)
          this.code(funcBody).endFunc();
        return this;
      }
      // end function definition
      endFunc() {
        return this._endBlockNode(Func);
      }
      optimize(n = 1) {
        while (n-- > 0) {
          this._root.optimizeNodes();
          this._root.optimizeNames(this._root.names, this._constants);
        }
      }
      _leafNode(node) {
        this._currNode.nodes.push(node);
        return this;
      }
      _blockNode(node) {
        this._currNode.nodes.push(node);
        this._nodes.push(node);
      }
      _endBlockNode(N1, N2) {
        const n = this._currNode;
        if (n instanceof N1 || N2 && n instanceof N2) {
          this._nodes.pop();
          return this;
        }
        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
      }
      _elseNode(node) {
        const n = this._currNode;
        if (!(n instanceof If)) {
          throw new Error('CodeGen: "else" without "if"');
        }
        this._currNode = n.else = node;
        return this;
      }
      get _root() {
        return this._nodes[0];
      }
      get _currNode() {
        const ns = this._nodes;
        return ns[ns.length - 1];
      }
      set _currNode(node) {
        const ns = this._nodes;
        ns[ns.length - 1] = node;
      }
    };
    exports.CodeGen = CodeGen;
    function addNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) + (from[n] || 0);
      return names;
    }
    function addExprNames(names, from) {
      return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
    }
    function optimizeExpr(expr, names, constants) {
      if (expr instanceof code_1.Name)
        return replaceName(expr);
      if (!canOptimize(expr))
        return expr;
      return new code_1._Code(expr._items.reduce((items, c) => {
        if (c instanceof code_1.Name)
          c = replaceName(c);
        if (c instanceof code_1._Code)
          items.push(...c._items);
        else
          items.push(c);
        return items;
      }, []));
      function replaceName(n) {
        const c = constants[n.str];
        if (c === void 0 || names[n.str] !== 1)
          return n;
        delete names[n.str];
        return c;
      }
      function canOptimize(e) {
        return e instanceof code_1._Code && e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants[c.str] !== void 0);
      }
    }
    function subtractNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) - (from[n] || 0);
    }
    function not(x) {
      return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._)`!${par(x)}`;
    }
    exports.not = not;
    var andCode = mappend(exports.operators.AND);
    function and(...args) {
      return args.reduce(andCode);
    }
    exports.and = and;
    var orCode = mappend(exports.operators.OR);
    function or(...args) {
      return args.reduce(orCode);
    }
    exports.or = or;
    function mappend(op) {
      return (x, y) => x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._)`${par(x)} ${op} ${par(y)}`;
    }
    function par(x) {
      return x instanceof code_1.Name ? x : (0, code_1._)`(${x})`;
    }
  }
});

// node_modules/ajv/dist/compile/util.js
var require_util = __commonJS({
  "node_modules/ajv/dist/compile/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.checkStrictMode = exports.getErrorPath = exports.Type = exports.useFunc = exports.setEvaluated = exports.evaluatedPropsToName = exports.mergeEvaluated = exports.eachItem = exports.unescapeJsonPointer = exports.escapeJsonPointer = exports.escapeFragment = exports.unescapeFragment = exports.schemaRefOrVal = exports.schemaHasRulesButRef = exports.schemaHasRules = exports.checkUnknownRules = exports.alwaysValidSchema = exports.toHash = void 0;
    var codegen_1 = require_codegen();
    var code_1 = require_code();
    function toHash(arr) {
      const hash = {};
      for (const item of arr)
        hash[item] = true;
      return hash;
    }
    exports.toHash = toHash;
    function alwaysValidSchema(it, schema) {
      if (typeof schema == "boolean")
        return schema;
      if (Object.keys(schema).length === 0)
        return true;
      checkUnknownRules(it, schema);
      return !schemaHasRules(schema, it.self.RULES.all);
    }
    exports.alwaysValidSchema = alwaysValidSchema;
    function checkUnknownRules(it, schema = it.schema) {
      const { opts, self } = it;
      if (!opts.strictSchema)
        return;
      if (typeof schema === "boolean")
        return;
      const rules = self.RULES.keywords;
      for (const key in schema) {
        if (!rules[key])
          checkStrictMode(it, `unknown keyword: "${key}"`);
      }
    }
    exports.checkUnknownRules = checkUnknownRules;
    function schemaHasRules(schema, rules) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (rules[key])
          return true;
      return false;
    }
    exports.schemaHasRules = schemaHasRules;
    function schemaHasRulesButRef(schema, RULES) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (key !== "$ref" && RULES.all[key])
          return true;
      return false;
    }
    exports.schemaHasRulesButRef = schemaHasRulesButRef;
    function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
      if (!$data) {
        if (typeof schema == "number" || typeof schema == "boolean")
          return schema;
        if (typeof schema == "string")
          return (0, codegen_1._)`${schema}`;
      }
      return (0, codegen_1._)`${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
    }
    exports.schemaRefOrVal = schemaRefOrVal;
    function unescapeFragment(str) {
      return unescapeJsonPointer(decodeURIComponent(str));
    }
    exports.unescapeFragment = unescapeFragment;
    function escapeFragment(str) {
      return encodeURIComponent(escapeJsonPointer(str));
    }
    exports.escapeFragment = escapeFragment;
    function escapeJsonPointer(str) {
      if (typeof str == "number")
        return `${str}`;
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports.escapeJsonPointer = escapeJsonPointer;
    function unescapeJsonPointer(str) {
      return str.replace(/~1/g, "/").replace(/~0/g, "~");
    }
    exports.unescapeJsonPointer = unescapeJsonPointer;
    function eachItem(xs, f) {
      if (Array.isArray(xs)) {
        for (const x of xs)
          f(x);
      } else {
        f(xs);
      }
    }
    exports.eachItem = eachItem;
    function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName }) {
      return (gen, from, to, toName) => {
        const res = to === void 0 ? from : to instanceof codegen_1.Name ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to) : from instanceof codegen_1.Name ? (mergeToName(gen, to, from), from) : mergeValues(from, to);
        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
      };
    }
    exports.mergeEvaluated = {
      props: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => {
          gen.if((0, codegen_1._)`${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._)`${to} || {}`).code((0, codegen_1._)`Object.assign(${to}, ${from})`));
        }),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => {
          if (from === true) {
            gen.assign(to, true);
          } else {
            gen.assign(to, (0, codegen_1._)`${to} || {}`);
            setEvaluated(gen, to, from);
          }
        }),
        mergeValues: (from, to) => from === true ? true : { ...from, ...to },
        resultToName: evaluatedPropsToName
      }),
      items: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._)`${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._)`${to} > ${from} ? ${to} : ${from}`)),
        mergeValues: (from, to) => from === true ? true : Math.max(from, to),
        resultToName: (gen, items) => gen.var("items", items)
      })
    };
    function evaluatedPropsToName(gen, ps) {
      if (ps === true)
        return gen.var("props", true);
      const props = gen.var("props", (0, codegen_1._)`{}`);
      if (ps !== void 0)
        setEvaluated(gen, props, ps);
      return props;
    }
    exports.evaluatedPropsToName = evaluatedPropsToName;
    function setEvaluated(gen, props, ps) {
      Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._)`${props}${(0, codegen_1.getProperty)(p)}`, true));
    }
    exports.setEvaluated = setEvaluated;
    var snippets = {};
    function useFunc(gen, f) {
      return gen.scopeValue("func", {
        ref: f,
        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code))
      });
    }
    exports.useFunc = useFunc;
    var Type;
    (function(Type2) {
      Type2[Type2["Num"] = 0] = "Num";
      Type2[Type2["Str"] = 1] = "Str";
    })(Type || (exports.Type = Type = {}));
    function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
      if (dataProp instanceof codegen_1.Name) {
        const isNumber = dataPropType === Type.Num;
        return jsPropertySyntax ? isNumber ? (0, codegen_1._)`"[" + ${dataProp} + "]"` : (0, codegen_1._)`"['" + ${dataProp} + "']"` : isNumber ? (0, codegen_1._)`"/" + ${dataProp}` : (0, codegen_1._)`"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`;
      }
      return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
    }
    exports.getErrorPath = getErrorPath;
    function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
      if (!mode)
        return;
      msg = `strict mode: ${msg}`;
      if (mode === true)
        throw new Error(msg);
      it.self.logger.warn(msg);
    }
    exports.checkStrictMode = checkStrictMode;
  }
});

// node_modules/ajv/dist/compile/names.js
var require_names = __commonJS({
  "node_modules/ajv/dist/compile/names.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var names = {
      // validation function arguments
      data: new codegen_1.Name("data"),
      // data passed to validation function
      // args passed from referencing schema
      valCxt: new codegen_1.Name("valCxt"),
      // validation/data context - should not be used directly, it is destructured to the names below
      instancePath: new codegen_1.Name("instancePath"),
      parentData: new codegen_1.Name("parentData"),
      parentDataProperty: new codegen_1.Name("parentDataProperty"),
      rootData: new codegen_1.Name("rootData"),
      // root data - same as the data passed to the first/top validation function
      dynamicAnchors: new codegen_1.Name("dynamicAnchors"),
      // used to support recursiveRef and dynamicRef
      // function scoped variables
      vErrors: new codegen_1.Name("vErrors"),
      // null or array of validation errors
      errors: new codegen_1.Name("errors"),
      // counter of validation errors
      this: new codegen_1.Name("this"),
      // "globals"
      self: new codegen_1.Name("self"),
      scope: new codegen_1.Name("scope"),
      // JTD serialize/parse name for JSON string and position
      json: new codegen_1.Name("json"),
      jsonPos: new codegen_1.Name("jsonPos"),
      jsonLen: new codegen_1.Name("jsonLen"),
      jsonPart: new codegen_1.Name("jsonPart")
    };
    exports.default = names;
  }
});

// node_modules/ajv/dist/compile/errors.js
var require_errors = __commonJS({
  "node_modules/ajv/dist/compile/errors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    exports.keywordError = {
      message: ({ keyword }) => (0, codegen_1.str)`must pass "${keyword}" keyword validation`
    };
    exports.keyword$DataError = {
      message: ({ keyword, schemaType }) => schemaType ? (0, codegen_1.str)`"${keyword}" keyword must be ${schemaType} ($data)` : (0, codegen_1.str)`"${keyword}" keyword is invalid ($data)`
    };
    function reportError(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : compositeRule || allErrors) {
        addError(gen, errObj);
      } else {
        returnErrors(it, (0, codegen_1._)`[${errObj}]`);
      }
    }
    exports.reportError = reportError;
    function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      addError(gen, errObj);
      if (!(compositeRule || allErrors)) {
        returnErrors(it, names_1.default.vErrors);
      }
    }
    exports.reportExtraError = reportExtraError;
    function resetErrorsCount(gen, errsCount) {
      gen.assign(names_1.default.errors, errsCount);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._)`${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
    }
    exports.resetErrorsCount = resetErrorsCount;
    function extendErrors({ gen, keyword, schemaValue, data, errsCount, it }) {
      if (errsCount === void 0)
        throw new Error("ajv implementation error");
      const err = gen.name("err");
      gen.forRange("i", errsCount, names_1.default.errors, (i) => {
        gen.const(err, (0, codegen_1._)`${names_1.default.vErrors}[${i}]`);
        gen.if((0, codegen_1._)`${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._)`${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
        gen.assign((0, codegen_1._)`${err}.schemaPath`, (0, codegen_1.str)`${it.errSchemaPath}/${keyword}`);
        if (it.opts.verbose) {
          gen.assign((0, codegen_1._)`${err}.schema`, schemaValue);
          gen.assign((0, codegen_1._)`${err}.data`, data);
        }
      });
    }
    exports.extendErrors = extendErrors;
    function addError(gen, errObj) {
      const err = gen.const("err", errObj);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._)`[${err}]`), (0, codegen_1._)`${names_1.default.vErrors}.push(${err})`);
      gen.code((0, codegen_1._)`${names_1.default.errors}++`);
    }
    function returnErrors(it, errs) {
      const { gen, validateName, schemaEnv } = it;
      if (schemaEnv.$async) {
        gen.throw((0, codegen_1._)`new ${it.ValidationError}(${errs})`);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, errs);
        gen.return(false);
      }
    }
    var E = {
      keyword: new codegen_1.Name("keyword"),
      schemaPath: new codegen_1.Name("schemaPath"),
      // also used in JTD errors
      params: new codegen_1.Name("params"),
      propertyName: new codegen_1.Name("propertyName"),
      message: new codegen_1.Name("message"),
      schema: new codegen_1.Name("schema"),
      parentSchema: new codegen_1.Name("parentSchema")
    };
    function errorObjectCode(cxt, error, errorPaths) {
      const { createErrors } = cxt.it;
      if (createErrors === false)
        return (0, codegen_1._)`{}`;
      return errorObject(cxt, error, errorPaths);
    }
    function errorObject(cxt, error, errorPaths = {}) {
      const { gen, it } = cxt;
      const keyValues = [
        errorInstancePath(it, errorPaths),
        errorSchemaPath(cxt, errorPaths)
      ];
      extraErrorProps(cxt, error, keyValues);
      return gen.object(...keyValues);
    }
    function errorInstancePath({ errorPath }, { instancePath }) {
      const instPath = instancePath ? (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}` : errorPath;
      return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
    }
    function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
      let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str)`${errSchemaPath}/${keyword}`;
      if (schemaPath) {
        schPath = (0, codegen_1.str)`${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
      }
      return [E.schemaPath, schPath];
    }
    function extraErrorProps(cxt, { params, message }, keyValues) {
      const { keyword, data, schemaValue, it } = cxt;
      const { opts, propertyName, topSchemaRef, schemaPath } = it;
      keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._)`{}`]);
      if (opts.messages) {
        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
      }
      if (opts.verbose) {
        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._)`${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
      }
      if (propertyName)
        keyValues.push([E.propertyName, propertyName]);
    }
  }
});

// node_modules/ajv/dist/compile/validate/boolSchema.js
var require_boolSchema = __commonJS({
  "node_modules/ajv/dist/compile/validate/boolSchema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.boolOrEmptySchema = exports.topBoolOrEmptySchema = void 0;
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var boolError = {
      message: "boolean schema is false"
    };
    function topBoolOrEmptySchema(it) {
      const { gen, schema, validateName } = it;
      if (schema === false) {
        falseSchemaError(it, false);
      } else if (typeof schema == "object" && schema.$async === true) {
        gen.return(names_1.default.data);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, null);
        gen.return(true);
      }
    }
    exports.topBoolOrEmptySchema = topBoolOrEmptySchema;
    function boolOrEmptySchema(it, valid) {
      const { gen, schema } = it;
      if (schema === false) {
        gen.var(valid, false);
        falseSchemaError(it);
      } else {
        gen.var(valid, true);
      }
    }
    exports.boolOrEmptySchema = boolOrEmptySchema;
    function falseSchemaError(it, overrideAllErrors) {
      const { gen, data } = it;
      const cxt = {
        gen,
        keyword: "false schema",
        data,
        schema: false,
        schemaCode: false,
        schemaValue: false,
        params: {},
        it
      };
      (0, errors_1.reportError)(cxt, boolError, void 0, overrideAllErrors);
    }
  }
});

// node_modules/ajv/dist/compile/rules.js
var require_rules = __commonJS({
  "node_modules/ajv/dist/compile/rules.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getRules = exports.isJSONType = void 0;
    var _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
    var jsonTypes = new Set(_jsonTypes);
    function isJSONType(x) {
      return typeof x == "string" && jsonTypes.has(x);
    }
    exports.isJSONType = isJSONType;
    function getRules() {
      const groups = {
        number: { type: "number", rules: [] },
        string: { type: "string", rules: [] },
        array: { type: "array", rules: [] },
        object: { type: "object", rules: [] }
      };
      return {
        types: { ...groups, integer: true, boolean: true, null: true },
        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
        post: { rules: [] },
        all: {},
        keywords: {}
      };
    }
    exports.getRules = getRules;
  }
});

// node_modules/ajv/dist/compile/validate/applicability.js
var require_applicability = __commonJS({
  "node_modules/ajv/dist/compile/validate/applicability.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.shouldUseRule = exports.shouldUseGroup = exports.schemaHasRulesForType = void 0;
    function schemaHasRulesForType({ schema, self }, type) {
      const group = self.RULES.types[type];
      return group && group !== true && shouldUseGroup(schema, group);
    }
    exports.schemaHasRulesForType = schemaHasRulesForType;
    function shouldUseGroup(schema, group) {
      return group.rules.some((rule) => shouldUseRule(schema, rule));
    }
    exports.shouldUseGroup = shouldUseGroup;
    function shouldUseRule(schema, rule) {
      var _a;
      return schema[rule.keyword] !== void 0 || ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== void 0));
    }
    exports.shouldUseRule = shouldUseRule;
  }
});

// node_modules/ajv/dist/compile/validate/dataType.js
var require_dataType = __commonJS({
  "node_modules/ajv/dist/compile/validate/dataType.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.reportTypeError = exports.checkDataTypes = exports.checkDataType = exports.coerceAndCheckDataType = exports.getJSONTypes = exports.getSchemaTypes = exports.DataType = void 0;
    var rules_1 = require_rules();
    var applicability_1 = require_applicability();
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var DataType;
    (function(DataType2) {
      DataType2[DataType2["Correct"] = 0] = "Correct";
      DataType2[DataType2["Wrong"] = 1] = "Wrong";
    })(DataType || (exports.DataType = DataType = {}));
    function getSchemaTypes(schema) {
      const types = getJSONTypes(schema.type);
      const hasNull = types.includes("null");
      if (hasNull) {
        if (schema.nullable === false)
          throw new Error("type: null contradicts nullable: false");
      } else {
        if (!types.length && schema.nullable !== void 0) {
          throw new Error('"nullable" cannot be used without "type"');
        }
        if (schema.nullable === true)
          types.push("null");
      }
      return types;
    }
    exports.getSchemaTypes = getSchemaTypes;
    function getJSONTypes(ts) {
      const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
      if (types.every(rules_1.isJSONType))
        return types;
      throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
    }
    exports.getJSONTypes = getJSONTypes;
    function coerceAndCheckDataType(it, types) {
      const { gen, data, opts } = it;
      const coerceTo = coerceToTypes(types, opts.coerceTypes);
      const checkTypes = types.length > 0 && !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
      if (checkTypes) {
        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
        gen.if(wrongType, () => {
          if (coerceTo.length)
            coerceData(it, types, coerceTo);
          else
            reportTypeError(it);
        });
      }
      return checkTypes;
    }
    exports.coerceAndCheckDataType = coerceAndCheckDataType;
    var COERCIBLE = /* @__PURE__ */ new Set(["string", "number", "integer", "boolean", "null"]);
    function coerceToTypes(types, coerceTypes) {
      return coerceTypes ? types.filter((t) => COERCIBLE.has(t) || coerceTypes === "array" && t === "array") : [];
    }
    function coerceData(it, types, coerceTo) {
      const { gen, data, opts } = it;
      const dataType = gen.let("dataType", (0, codegen_1._)`typeof ${data}`);
      const coerced = gen.let("coerced", (0, codegen_1._)`undefined`);
      if (opts.coerceTypes === "array") {
        gen.if((0, codegen_1._)`${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen.assign(data, (0, codegen_1._)`${data}[0]`).assign(dataType, (0, codegen_1._)`typeof ${data}`).if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
      }
      gen.if((0, codegen_1._)`${coerced} !== undefined`);
      for (const t of coerceTo) {
        if (COERCIBLE.has(t) || t === "array" && opts.coerceTypes === "array") {
          coerceSpecificType(t);
        }
      }
      gen.else();
      reportTypeError(it);
      gen.endIf();
      gen.if((0, codegen_1._)`${coerced} !== undefined`, () => {
        gen.assign(data, coerced);
        assignParentData(it, coerced);
      });
      function coerceSpecificType(t) {
        switch (t) {
          case "string":
            gen.elseIf((0, codegen_1._)`${dataType} == "number" || ${dataType} == "boolean"`).assign(coerced, (0, codegen_1._)`"" + ${data}`).elseIf((0, codegen_1._)`${data} === null`).assign(coerced, (0, codegen_1._)`""`);
            return;
          case "number":
            gen.elseIf((0, codegen_1._)`${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "integer":
            gen.elseIf((0, codegen_1._)`${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "boolean":
            gen.elseIf((0, codegen_1._)`${data} === "false" || ${data} === 0 || ${data} === null`).assign(coerced, false).elseIf((0, codegen_1._)`${data} === "true" || ${data} === 1`).assign(coerced, true);
            return;
          case "null":
            gen.elseIf((0, codegen_1._)`${data} === "" || ${data} === 0 || ${data} === false`);
            gen.assign(coerced, null);
            return;
          case "array":
            gen.elseIf((0, codegen_1._)`${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`).assign(coerced, (0, codegen_1._)`[${data}]`);
        }
      }
    }
    function assignParentData({ gen, parentData, parentDataProperty }, expr) {
      gen.if((0, codegen_1._)`${parentData} !== undefined`, () => gen.assign((0, codegen_1._)`${parentData}[${parentDataProperty}]`, expr));
    }
    function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
      const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
      let cond;
      switch (dataType) {
        case "null":
          return (0, codegen_1._)`${data} ${EQ} null`;
        case "array":
          cond = (0, codegen_1._)`Array.isArray(${data})`;
          break;
        case "object":
          cond = (0, codegen_1._)`${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
          break;
        case "integer":
          cond = numCond((0, codegen_1._)`!(${data} % 1) && !isNaN(${data})`);
          break;
        case "number":
          cond = numCond();
          break;
        default:
          return (0, codegen_1._)`typeof ${data} ${EQ} ${dataType}`;
      }
      return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
      function numCond(_cond = codegen_1.nil) {
        return (0, codegen_1.and)((0, codegen_1._)`typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._)`isFinite(${data})` : codegen_1.nil);
      }
    }
    exports.checkDataType = checkDataType;
    function checkDataTypes(dataTypes, data, strictNums, correct) {
      if (dataTypes.length === 1) {
        return checkDataType(dataTypes[0], data, strictNums, correct);
      }
      let cond;
      const types = (0, util_1.toHash)(dataTypes);
      if (types.array && types.object) {
        const notObj = (0, codegen_1._)`typeof ${data} != "object"`;
        cond = types.null ? notObj : (0, codegen_1._)`!${data} || ${notObj}`;
        delete types.null;
        delete types.array;
        delete types.object;
      } else {
        cond = codegen_1.nil;
      }
      if (types.number)
        delete types.integer;
      for (const t in types)
        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
      return cond;
    }
    exports.checkDataTypes = checkDataTypes;
    var typeError = {
      message: ({ schema }) => `must be ${schema}`,
      params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._)`{type: ${schema}}` : (0, codegen_1._)`{type: ${schemaValue}}`
    };
    function reportTypeError(it) {
      const cxt = getTypeErrorContext(it);
      (0, errors_1.reportError)(cxt, typeError);
    }
    exports.reportTypeError = reportTypeError;
    function getTypeErrorContext(it) {
      const { gen, data, schema } = it;
      const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
      return {
        gen,
        keyword: "type",
        data,
        schema: schema.type,
        schemaCode,
        schemaValue: schemaCode,
        parentSchema: schema,
        params: {},
        it
      };
    }
  }
});

// node_modules/ajv/dist/compile/validate/defaults.js
var require_defaults = __commonJS({
  "node_modules/ajv/dist/compile/validate/defaults.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.assignDefaults = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function assignDefaults(it, ty) {
      const { properties, items } = it.schema;
      if (ty === "object" && properties) {
        for (const key in properties) {
          assignDefault(it, key, properties[key].default);
        }
      } else if (ty === "array" && Array.isArray(items)) {
        items.forEach((sch, i) => assignDefault(it, i, sch.default));
      }
    }
    exports.assignDefaults = assignDefaults;
    function assignDefault(it, prop, defaultValue) {
      const { gen, compositeRule, data, opts } = it;
      if (defaultValue === void 0)
        return;
      const childData = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(prop)}`;
      if (compositeRule) {
        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
        return;
      }
      let condition = (0, codegen_1._)`${childData} === undefined`;
      if (opts.useDefaults === "empty") {
        condition = (0, codegen_1._)`${condition} || ${childData} === null || ${childData} === ""`;
      }
      gen.if(condition, (0, codegen_1._)`${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
    }
  }
});

// node_modules/ajv/dist/vocabularies/code.js
var require_code2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateUnion = exports.validateArray = exports.usePattern = exports.callValidateCode = exports.schemaProperties = exports.allSchemaProperties = exports.noPropertyInData = exports.propertyInData = exports.isOwnProperty = exports.hasPropFunc = exports.reportMissingProp = exports.checkMissingProp = exports.checkReportMissingProp = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var util_2 = require_util();
    function checkReportMissingProp(cxt, prop) {
      const { gen, data, it } = cxt;
      gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
        cxt.setParams({ missingProperty: (0, codegen_1._)`${prop}` }, true);
        cxt.error();
      });
    }
    exports.checkReportMissingProp = checkReportMissingProp;
    function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
      return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._)`${missing} = ${prop}`)));
    }
    exports.checkMissingProp = checkMissingProp;
    function reportMissingProp(cxt, missing) {
      cxt.setParams({ missingProperty: missing }, true);
      cxt.error();
    }
    exports.reportMissingProp = reportMissingProp;
    function hasPropFunc(gen) {
      return gen.scopeValue("func", {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        ref: Object.prototype.hasOwnProperty,
        code: (0, codegen_1._)`Object.prototype.hasOwnProperty`
      });
    }
    exports.hasPropFunc = hasPropFunc;
    function isOwnProperty(gen, data, property) {
      return (0, codegen_1._)`${hasPropFunc(gen)}.call(${data}, ${property})`;
    }
    exports.isOwnProperty = isOwnProperty;
    function propertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
      return ownProperties ? (0, codegen_1._)`${cond} && ${isOwnProperty(gen, data, property)}` : cond;
    }
    exports.propertyInData = propertyInData;
    function noPropertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} === undefined`;
      return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
    }
    exports.noPropertyInData = noPropertyInData;
    function allSchemaProperties(schemaMap) {
      return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
    }
    exports.allSchemaProperties = allSchemaProperties;
    function schemaProperties(it, schemaMap) {
      return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
    }
    exports.schemaProperties = schemaProperties;
    function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
      const dataAndSchema = passSchema ? (0, codegen_1._)`${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
      const valCxt = [
        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
        [names_1.default.parentData, it.parentData],
        [names_1.default.parentDataProperty, it.parentDataProperty],
        [names_1.default.rootData, names_1.default.rootData]
      ];
      if (it.opts.dynamicRef)
        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
      const args = (0, codegen_1._)`${dataAndSchema}, ${gen.object(...valCxt)}`;
      return context !== codegen_1.nil ? (0, codegen_1._)`${func}.call(${context}, ${args})` : (0, codegen_1._)`${func}(${args})`;
    }
    exports.callValidateCode = callValidateCode;
    var newRegExp = (0, codegen_1._)`new RegExp`;
    function usePattern({ gen, it: { opts } }, pattern) {
      const u = opts.unicodeRegExp ? "u" : "";
      const { regExp } = opts.code;
      const rx = regExp(pattern, u);
      return gen.scopeValue("pattern", {
        key: rx.toString(),
        ref: rx,
        code: (0, codegen_1._)`${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`
      });
    }
    exports.usePattern = usePattern;
    function validateArray(cxt) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      if (it.allErrors) {
        const validArr = gen.let("valid", true);
        validateItems(() => gen.assign(validArr, false));
        return validArr;
      }
      gen.var(valid, true);
      validateItems(() => gen.break());
      return valid;
      function validateItems(notValid) {
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        gen.forRange("i", 0, len, (i) => {
          cxt.subschema({
            keyword,
            dataProp: i,
            dataPropType: util_1.Type.Num
          }, valid);
          gen.if((0, codegen_1.not)(valid), notValid);
        });
      }
    }
    exports.validateArray = validateArray;
    function validateUnion(cxt) {
      const { gen, schema, keyword, it } = cxt;
      if (!Array.isArray(schema))
        throw new Error("ajv implementation error");
      const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
      if (alwaysValid && !it.opts.unevaluated)
        return;
      const valid = gen.let("valid", false);
      const schValid = gen.name("_valid");
      gen.block(() => schema.forEach((_sch, i) => {
        const schCxt = cxt.subschema({
          keyword,
          schemaProp: i,
          compositeRule: true
        }, schValid);
        gen.assign(valid, (0, codegen_1._)`${valid} || ${schValid}`);
        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
        if (!merged)
          gen.if((0, codegen_1.not)(valid));
      }));
      cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
    }
    exports.validateUnion = validateUnion;
  }
});

// node_modules/ajv/dist/compile/validate/keyword.js
var require_keyword = __commonJS({
  "node_modules/ajv/dist/compile/validate/keyword.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateKeywordUsage = exports.validSchemaType = exports.funcKeywordCode = exports.macroKeywordCode = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var code_1 = require_code2();
    var errors_1 = require_errors();
    function macroKeywordCode(cxt, def) {
      const { gen, keyword, schema, parentSchema, it } = cxt;
      const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
      const schemaRef = useKeyword(gen, keyword, macroSchema);
      if (it.opts.validateSchema !== false)
        it.self.validateSchema(macroSchema, true);
      const valid = gen.name("valid");
      cxt.subschema({
        schema: macroSchema,
        schemaPath: codegen_1.nil,
        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
        topSchemaRef: schemaRef,
        compositeRule: true
      }, valid);
      cxt.pass(valid, () => cxt.error(true));
    }
    exports.macroKeywordCode = macroKeywordCode;
    function funcKeywordCode(cxt, def) {
      var _a;
      const { gen, keyword, schema, parentSchema, $data, it } = cxt;
      checkAsyncKeyword(it, def);
      const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
      const validateRef = useKeyword(gen, keyword, validate);
      const valid = gen.let("valid");
      cxt.block$data(valid, validateKeyword);
      cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
      function validateKeyword() {
        if (def.errors === false) {
          assignValid();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => cxt.error());
        } else {
          const ruleErrs = def.async ? validateAsync() : validateSync();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => addErrs(cxt, ruleErrs));
        }
      }
      function validateAsync() {
        const ruleErrs = gen.let("ruleErrs", null);
        gen.try(() => assignValid((0, codegen_1._)`await `), (e) => gen.assign(valid, false).if((0, codegen_1._)`${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._)`${e}.errors`), () => gen.throw(e)));
        return ruleErrs;
      }
      function validateSync() {
        const validateErrs = (0, codegen_1._)`${validateRef}.errors`;
        gen.assign(validateErrs, null);
        assignValid(codegen_1.nil);
        return validateErrs;
      }
      function assignValid(_await = def.async ? (0, codegen_1._)`await ` : codegen_1.nil) {
        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
        const passSchema = !("compile" in def && !$data || def.schema === false);
        gen.assign(valid, (0, codegen_1._)`${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
      }
      function reportErrs(errors) {
        var _a2;
        gen.if((0, codegen_1.not)((_a2 = def.valid) !== null && _a2 !== void 0 ? _a2 : valid), errors);
      }
    }
    exports.funcKeywordCode = funcKeywordCode;
    function modifyData(cxt) {
      const { gen, data, it } = cxt;
      gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._)`${it.parentData}[${it.parentDataProperty}]`));
    }
    function addErrs(cxt, errs) {
      const { gen } = cxt;
      gen.if((0, codegen_1._)`Array.isArray(${errs})`, () => {
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`).assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
        (0, errors_1.extendErrors)(cxt);
      }, () => cxt.error());
    }
    function checkAsyncKeyword({ schemaEnv }, def) {
      if (def.async && !schemaEnv.$async)
        throw new Error("async keyword in sync schema");
    }
    function useKeyword(gen, keyword, result2) {
      if (result2 === void 0)
        throw new Error(`keyword "${keyword}" failed to compile`);
      return gen.scopeValue("keyword", typeof result2 == "function" ? { ref: result2 } : { ref: result2, code: (0, codegen_1.stringify)(result2) });
    }
    function validSchemaType(schema, schemaType, allowUndefined = false) {
      return !schemaType.length || schemaType.some((st) => st === "array" ? Array.isArray(schema) : st === "object" ? schema && typeof schema == "object" && !Array.isArray(schema) : typeof schema == st || allowUndefined && typeof schema == "undefined");
    }
    exports.validSchemaType = validSchemaType;
    function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
      if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
        throw new Error("ajv implementation error");
      }
      const deps = def.dependencies;
      if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
      }
      if (def.validateSchema) {
        const valid = def.validateSchema(schema[keyword]);
        if (!valid) {
          const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` + self.errorsText(def.validateSchema.errors);
          if (opts.validateSchema === "log")
            self.logger.error(msg);
          else
            throw new Error(msg);
        }
      }
    }
    exports.validateKeywordUsage = validateKeywordUsage;
  }
});

// node_modules/ajv/dist/compile/validate/subschema.js
var require_subschema = __commonJS({
  "node_modules/ajv/dist/compile/validate/subschema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendSubschemaMode = exports.extendSubschemaData = exports.getSubschema = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
      if (keyword !== void 0 && schema !== void 0) {
        throw new Error('both "keyword" and "schema" passed, only one allowed');
      }
      if (keyword !== void 0) {
        const sch = it.schema[keyword];
        return schemaProp === void 0 ? {
          schema: sch,
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}`
        } : {
          schema: sch[schemaProp],
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`
        };
      }
      if (schema !== void 0) {
        if (schemaPath === void 0 || errSchemaPath === void 0 || topSchemaRef === void 0) {
          throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
        }
        return {
          schema,
          schemaPath,
          topSchemaRef,
          errSchemaPath
        };
      }
      throw new Error('either "keyword" or "schema" must be passed');
    }
    exports.getSubschema = getSubschema;
    function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
      if (data !== void 0 && dataProp !== void 0) {
        throw new Error('both "data" and "dataProp" passed, only one allowed');
      }
      const { gen } = it;
      if (dataProp !== void 0) {
        const { errorPath, dataPathArr, opts } = it;
        const nextData = gen.let("data", (0, codegen_1._)`${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
        dataContextProps(nextData);
        subschema.errorPath = (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
        subschema.parentDataProperty = (0, codegen_1._)`${dataProp}`;
        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
      }
      if (data !== void 0) {
        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true);
        dataContextProps(nextData);
        if (propertyName !== void 0)
          subschema.propertyName = propertyName;
      }
      if (dataTypes)
        subschema.dataTypes = dataTypes;
      function dataContextProps(_nextData) {
        subschema.data = _nextData;
        subschema.dataLevel = it.dataLevel + 1;
        subschema.dataTypes = [];
        it.definedProperties = /* @__PURE__ */ new Set();
        subschema.parentData = it.data;
        subschema.dataNames = [...it.dataNames, _nextData];
      }
    }
    exports.extendSubschemaData = extendSubschemaData;
    function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
      if (compositeRule !== void 0)
        subschema.compositeRule = compositeRule;
      if (createErrors !== void 0)
        subschema.createErrors = createErrors;
      if (allErrors !== void 0)
        subschema.allErrors = allErrors;
      subschema.jtdDiscriminator = jtdDiscriminator;
      subschema.jtdMetadata = jtdMetadata;
    }
    exports.extendSubschemaMode = extendSubschemaMode;
  }
});

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/json-schema-traverse/index.js
var require_json_schema_traverse = __commonJS({
  "node_modules/json-schema-traverse/index.js"(exports, module) {
    "use strict";
    var traverse = module.exports = function(schema, opts, cb) {
      if (typeof opts == "function") {
        cb = opts;
        opts = {};
      }
      cb = opts.cb || cb;
      var pre = typeof cb == "function" ? cb : cb.pre || function() {
      };
      var post = cb.post || function() {
      };
      _traverse(opts, pre, post, schema, "", schema);
    };
    traverse.keywords = {
      additionalItems: true,
      items: true,
      contains: true,
      additionalProperties: true,
      propertyNames: true,
      not: true,
      if: true,
      then: true,
      else: true
    };
    traverse.arrayKeywords = {
      items: true,
      allOf: true,
      anyOf: true,
      oneOf: true
    };
    traverse.propsKeywords = {
      $defs: true,
      definitions: true,
      properties: true,
      patternProperties: true,
      dependencies: true
    };
    traverse.skipKeywords = {
      default: true,
      enum: true,
      const: true,
      required: true,
      maximum: true,
      minimum: true,
      exclusiveMaximum: true,
      exclusiveMinimum: true,
      multipleOf: true,
      maxLength: true,
      minLength: true,
      pattern: true,
      format: true,
      maxItems: true,
      minItems: true,
      uniqueItems: true,
      maxProperties: true,
      minProperties: true
    };
    function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
      if (schema && typeof schema == "object" && !Array.isArray(schema)) {
        pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
        for (var key in schema) {
          var sch = schema[key];
          if (Array.isArray(sch)) {
            if (key in traverse.arrayKeywords) {
              for (var i = 0; i < sch.length; i++)
                _traverse(opts, pre, post, sch[i], jsonPtr + "/" + key + "/" + i, rootSchema, jsonPtr, key, schema, i);
            }
          } else if (key in traverse.propsKeywords) {
            if (sch && typeof sch == "object") {
              for (var prop in sch)
                _traverse(opts, pre, post, sch[prop], jsonPtr + "/" + key + "/" + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
            }
          } else if (key in traverse.keywords || opts.allKeys && !(key in traverse.skipKeywords)) {
            _traverse(opts, pre, post, sch, jsonPtr + "/" + key, rootSchema, jsonPtr, key, schema);
          }
        }
        post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
      }
    }
    function escapeJsonPtr(str) {
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
  }
});

// node_modules/ajv/dist/compile/resolve.js
var require_resolve = __commonJS({
  "node_modules/ajv/dist/compile/resolve.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getSchemaRefs = exports.resolveUrl = exports.normalizeId = exports._getFullPath = exports.getFullPath = exports.inlineRef = void 0;
    var util_1 = require_util();
    var equal = require_fast_deep_equal();
    var traverse = require_json_schema_traverse();
    var SIMPLE_INLINED = /* @__PURE__ */ new Set([
      "type",
      "format",
      "pattern",
      "maxLength",
      "minLength",
      "maxProperties",
      "minProperties",
      "maxItems",
      "minItems",
      "maximum",
      "minimum",
      "uniqueItems",
      "multipleOf",
      "required",
      "enum",
      "const"
    ]);
    function inlineRef(schema, limit = true) {
      if (typeof schema == "boolean")
        return true;
      if (limit === true)
        return !hasRef(schema);
      if (!limit)
        return false;
      return countKeys(schema) <= limit;
    }
    exports.inlineRef = inlineRef;
    var REF_KEYWORDS = /* @__PURE__ */ new Set([
      "$ref",
      "$recursiveRef",
      "$recursiveAnchor",
      "$dynamicRef",
      "$dynamicAnchor"
    ]);
    function hasRef(schema) {
      for (const key in schema) {
        if (REF_KEYWORDS.has(key))
          return true;
        const sch = schema[key];
        if (Array.isArray(sch) && sch.some(hasRef))
          return true;
        if (typeof sch == "object" && hasRef(sch))
          return true;
      }
      return false;
    }
    function countKeys(schema) {
      let count = 0;
      for (const key in schema) {
        if (key === "$ref")
          return Infinity;
        count++;
        if (SIMPLE_INLINED.has(key))
          continue;
        if (typeof schema[key] == "object") {
          (0, util_1.eachItem)(schema[key], (sch) => count += countKeys(sch));
        }
        if (count === Infinity)
          return Infinity;
      }
      return count;
    }
    function getFullPath(resolver, id = "", normalize) {
      if (normalize !== false)
        id = normalizeId(id);
      const p = resolver.parse(id);
      return _getFullPath(resolver, p);
    }
    exports.getFullPath = getFullPath;
    function _getFullPath(resolver, p) {
      const serialized = resolver.serialize(p);
      return serialized.split("#")[0] + "#";
    }
    exports._getFullPath = _getFullPath;
    var TRAILING_SLASH_HASH = /#\/?$/;
    function normalizeId(id) {
      return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
    }
    exports.normalizeId = normalizeId;
    function resolveUrl(resolver, baseId, id) {
      id = normalizeId(id);
      return resolver.resolve(baseId, id);
    }
    exports.resolveUrl = resolveUrl;
    var ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
    function getSchemaRefs(schema, baseId) {
      if (typeof schema == "boolean")
        return {};
      const { schemaId, uriResolver } = this.opts;
      const schId = normalizeId(schema[schemaId] || baseId);
      const baseIds = { "": schId };
      const pathPrefix = getFullPath(uriResolver, schId, false);
      const localRefs = {};
      const schemaRefs = /* @__PURE__ */ new Set();
      traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
        if (parentJsonPtr === void 0)
          return;
        const fullPath = pathPrefix + jsonPtr;
        let innerBaseId = baseIds[parentJsonPtr];
        if (typeof sch[schemaId] == "string")
          innerBaseId = addRef.call(this, sch[schemaId]);
        addAnchor.call(this, sch.$anchor);
        addAnchor.call(this, sch.$dynamicAnchor);
        baseIds[jsonPtr] = innerBaseId;
        function addRef(ref) {
          const _resolve = this.opts.uriResolver.resolve;
          ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
          if (schemaRefs.has(ref))
            throw ambiguos(ref);
          schemaRefs.add(ref);
          let schOrRef = this.refs[ref];
          if (typeof schOrRef == "string")
            schOrRef = this.refs[schOrRef];
          if (typeof schOrRef == "object") {
            checkAmbiguosRef(sch, schOrRef.schema, ref);
          } else if (ref !== normalizeId(fullPath)) {
            if (ref[0] === "#") {
              checkAmbiguosRef(sch, localRefs[ref], ref);
              localRefs[ref] = sch;
            } else {
              this.refs[ref] = fullPath;
            }
          }
          return ref;
        }
        function addAnchor(anchor) {
          if (typeof anchor == "string") {
            if (!ANCHOR.test(anchor))
              throw new Error(`invalid anchor "${anchor}"`);
            addRef.call(this, `#${anchor}`);
          }
        }
      });
      return localRefs;
      function checkAmbiguosRef(sch1, sch2, ref) {
        if (sch2 !== void 0 && !equal(sch1, sch2))
          throw ambiguos(ref);
      }
      function ambiguos(ref) {
        return new Error(`reference "${ref}" resolves to more than one schema`);
      }
    }
    exports.getSchemaRefs = getSchemaRefs;
  }
});

// node_modules/ajv/dist/compile/validate/index.js
var require_validate = __commonJS({
  "node_modules/ajv/dist/compile/validate/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getData = exports.KeywordCxt = exports.validateFunctionCode = void 0;
    var boolSchema_1 = require_boolSchema();
    var dataType_1 = require_dataType();
    var applicability_1 = require_applicability();
    var dataType_2 = require_dataType();
    var defaults_1 = require_defaults();
    var keyword_1 = require_keyword();
    var subschema_1 = require_subschema();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var errors_1 = require_errors();
    function validateFunctionCode(it) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          topSchemaObjCode(it);
          return;
        }
      }
      validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
    }
    exports.validateFunctionCode = validateFunctionCode;
    function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
      if (opts.code.es5) {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
          gen.code((0, codegen_1._)`"use strict"; ${funcSourceUrl(schema, opts)}`);
          destructureValCxtES5(gen, opts);
          gen.code(body);
        });
      } else {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
      }
    }
    function destructureValCxt(opts) {
      return (0, codegen_1._)`{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._)`, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
    }
    function destructureValCxtES5(gen, opts) {
      gen.if(names_1.default.valCxt, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.instancePath}`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentData}`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
        gen.var(names_1.default.rootData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.rootData}`);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
      }, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`""`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.rootData, names_1.default.data);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`{}`);
      });
    }
    function topSchemaObjCode(it) {
      const { schema, opts, gen } = it;
      validateFunction(it, () => {
        if (opts.$comment && schema.$comment)
          commentKeyword(it);
        checkNoDefault(it);
        gen.let(names_1.default.vErrors, null);
        gen.let(names_1.default.errors, 0);
        if (opts.unevaluated)
          resetEvaluated(it);
        typeAndKeywords(it);
        returnResults(it);
      });
      return;
    }
    function resetEvaluated(it) {
      const { gen, validateName } = it;
      it.evaluated = gen.const("evaluated", (0, codegen_1._)`${validateName}.evaluated`);
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._)`${it.evaluated}.props`, (0, codegen_1._)`undefined`));
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._)`${it.evaluated}.items`, (0, codegen_1._)`undefined`));
    }
    function funcSourceUrl(schema, opts) {
      const schId = typeof schema == "object" && schema[opts.schemaId];
      return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._)`/*# sourceURL=${schId} */` : codegen_1.nil;
    }
    function subschemaCode(it, valid) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          subSchemaObjCode(it, valid);
          return;
        }
      }
      (0, boolSchema_1.boolOrEmptySchema)(it, valid);
    }
    function schemaCxtHasRules({ schema, self }) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (self.RULES.all[key])
          return true;
      return false;
    }
    function isSchemaObj(it) {
      return typeof it.schema != "boolean";
    }
    function subSchemaObjCode(it, valid) {
      const { schema, gen, opts } = it;
      if (opts.$comment && schema.$comment)
        commentKeyword(it);
      updateContext(it);
      checkAsyncSchema(it);
      const errsCount = gen.const("_errs", names_1.default.errors);
      typeAndKeywords(it, errsCount);
      gen.var(valid, (0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
    }
    function checkKeywords(it) {
      (0, util_1.checkUnknownRules)(it);
      checkRefsAndKeywords(it);
    }
    function typeAndKeywords(it, errsCount) {
      if (it.opts.jtd)
        return schemaKeywords(it, [], false, errsCount);
      const types = (0, dataType_1.getSchemaTypes)(it.schema);
      const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
      schemaKeywords(it, types, !checkedTypes, errsCount);
    }
    function checkRefsAndKeywords(it) {
      const { schema, errSchemaPath, opts, self } = it;
      if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
      }
    }
    function checkNoDefault(it) {
      const { schema, opts } = it;
      if (schema.default !== void 0 && opts.useDefaults && opts.strictSchema) {
        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
      }
    }
    function updateContext(it) {
      const schId = it.schema[it.opts.schemaId];
      if (schId)
        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
    }
    function checkAsyncSchema(it) {
      if (it.schema.$async && !it.schemaEnv.$async)
        throw new Error("async schema in sync schema");
    }
    function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
      const msg = schema.$comment;
      if (opts.$comment === true) {
        gen.code((0, codegen_1._)`${names_1.default.self}.logger.log(${msg})`);
      } else if (typeof opts.$comment == "function") {
        const schemaPath = (0, codegen_1.str)`${errSchemaPath}/$comment`;
        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
        gen.code((0, codegen_1._)`${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
      }
    }
    function returnResults(it) {
      const { gen, schemaEnv, validateName, ValidationError, opts } = it;
      if (schemaEnv.$async) {
        gen.if((0, codegen_1._)`${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._)`new ${ValidationError}(${names_1.default.vErrors})`));
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, names_1.default.vErrors);
        if (opts.unevaluated)
          assignEvaluated(it);
        gen.return((0, codegen_1._)`${names_1.default.errors} === 0`);
      }
    }
    function assignEvaluated({ gen, evaluated, props, items }) {
      if (props instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.props`, props);
      if (items instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.items`, items);
    }
    function schemaKeywords(it, types, typeErrors, errsCount) {
      const { gen, schema, data, allErrors, opts, self } = it;
      const { RULES } = self;
      if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES))) {
        gen.block(() => keywordCode(it, "$ref", RULES.all.$ref.definition));
        return;
      }
      if (!opts.jtd)
        checkStrictTypes(it, types);
      gen.block(() => {
        for (const group of RULES.rules)
          groupKeywords(group);
        groupKeywords(RULES.post);
      });
      function groupKeywords(group) {
        if (!(0, applicability_1.shouldUseGroup)(schema, group))
          return;
        if (group.type) {
          gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
          iterateKeywords(it, group);
          if (types.length === 1 && types[0] === group.type && typeErrors) {
            gen.else();
            (0, dataType_2.reportTypeError)(it);
          }
          gen.endIf();
        } else {
          iterateKeywords(it, group);
        }
        if (!allErrors)
          gen.if((0, codegen_1._)`${names_1.default.errors} === ${errsCount || 0}`);
      }
    }
    function iterateKeywords(it, group) {
      const { gen, schema, opts: { useDefaults } } = it;
      if (useDefaults)
        (0, defaults_1.assignDefaults)(it, group.type);
      gen.block(() => {
        for (const rule of group.rules) {
          if ((0, applicability_1.shouldUseRule)(schema, rule)) {
            keywordCode(it, rule.keyword, rule.definition, group.type);
          }
        }
      });
    }
    function checkStrictTypes(it, types) {
      if (it.schemaEnv.meta || !it.opts.strictTypes)
        return;
      checkContextTypes(it, types);
      if (!it.opts.allowUnionTypes)
        checkMultipleTypes(it, types);
      checkKeywordTypes(it, it.dataTypes);
    }
    function checkContextTypes(it, types) {
      if (!types.length)
        return;
      if (!it.dataTypes.length) {
        it.dataTypes = types;
        return;
      }
      types.forEach((t) => {
        if (!includesType(it.dataTypes, t)) {
          strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
        }
      });
      narrowSchemaTypes(it, types);
    }
    function checkMultipleTypes(it, ts) {
      if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
      }
    }
    function checkKeywordTypes(it, ts) {
      const rules = it.self.RULES.all;
      for (const keyword in rules) {
        const rule = rules[keyword];
        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
          const { type } = rule.definition;
          if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
            strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
          }
        }
      }
    }
    function hasApplicableType(schTs, kwdT) {
      return schTs.includes(kwdT) || kwdT === "number" && schTs.includes("integer");
    }
    function includesType(ts, t) {
      return ts.includes(t) || t === "integer" && ts.includes("number");
    }
    function narrowSchemaTypes(it, withTypes) {
      const ts = [];
      for (const t of it.dataTypes) {
        if (includesType(withTypes, t))
          ts.push(t);
        else if (withTypes.includes("integer") && t === "number")
          ts.push("integer");
      }
      it.dataTypes = ts;
    }
    function strictTypesError(it, msg) {
      const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
      msg += ` at "${schemaPath}" (strictTypes)`;
      (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
    }
    var KeywordCxt = class {
      constructor(it, def, keyword) {
        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
        this.gen = it.gen;
        this.allErrors = it.allErrors;
        this.keyword = keyword;
        this.data = it.data;
        this.schema = it.schema[keyword];
        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
        this.schemaType = def.schemaType;
        this.parentSchema = it.schema;
        this.params = {};
        this.it = it;
        this.def = def;
        if (this.$data) {
          this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
        } else {
          this.schemaCode = this.schemaValue;
          if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
            throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
          }
        }
        if ("code" in def ? def.trackErrors : def.errors !== false) {
          this.errsCount = it.gen.const("_errs", names_1.default.errors);
        }
      }
      result(condition, successAction, failAction) {
        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
      }
      failResult(condition, successAction, failAction) {
        this.gen.if(condition);
        if (failAction)
          failAction();
        else
          this.error();
        if (successAction) {
          this.gen.else();
          successAction();
          if (this.allErrors)
            this.gen.endIf();
        } else {
          if (this.allErrors)
            this.gen.endIf();
          else
            this.gen.else();
        }
      }
      pass(condition, failAction) {
        this.failResult((0, codegen_1.not)(condition), void 0, failAction);
      }
      fail(condition) {
        if (condition === void 0) {
          this.error();
          if (!this.allErrors)
            this.gen.if(false);
          return;
        }
        this.gen.if(condition);
        this.error();
        if (this.allErrors)
          this.gen.endIf();
        else
          this.gen.else();
      }
      fail$data(condition) {
        if (!this.$data)
          return this.fail(condition);
        const { schemaCode } = this;
        this.fail((0, codegen_1._)`${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
      }
      error(append, errorParams, errorPaths) {
        if (errorParams) {
          this.setParams(errorParams);
          this._error(append, errorPaths);
          this.setParams({});
          return;
        }
        this._error(append, errorPaths);
      }
      _error(append, errorPaths) {
        ;
        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
      }
      $dataError() {
        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
      }
      reset() {
        if (this.errsCount === void 0)
          throw new Error('add "trackErrors" to keyword definition');
        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
      }
      ok(cond) {
        if (!this.allErrors)
          this.gen.if(cond);
      }
      setParams(obj, assign) {
        if (assign)
          Object.assign(this.params, obj);
        else
          this.params = obj;
      }
      block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
        this.gen.block(() => {
          this.check$data(valid, $dataValid);
          codeBlock();
        });
      }
      check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
        if (!this.$data)
          return;
        const { gen, schemaCode, schemaType, def } = this;
        gen.if((0, codegen_1.or)((0, codegen_1._)`${schemaCode} === undefined`, $dataValid));
        if (valid !== codegen_1.nil)
          gen.assign(valid, true);
        if (schemaType.length || def.validateSchema) {
          gen.elseIf(this.invalid$data());
          this.$dataError();
          if (valid !== codegen_1.nil)
            gen.assign(valid, false);
        }
        gen.else();
      }
      invalid$data() {
        const { gen, schemaCode, schemaType, def, it } = this;
        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
        function wrong$DataType() {
          if (schemaType.length) {
            if (!(schemaCode instanceof codegen_1.Name))
              throw new Error("ajv implementation error");
            const st = Array.isArray(schemaType) ? schemaType : [schemaType];
            return (0, codegen_1._)`${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
          }
          return codegen_1.nil;
        }
        function invalid$DataSchema() {
          if (def.validateSchema) {
            const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema });
            return (0, codegen_1._)`!${validateSchemaRef}(${schemaCode})`;
          }
          return codegen_1.nil;
        }
      }
      subschema(appl, valid) {
        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
        (0, subschema_1.extendSubschemaMode)(subschema, appl);
        const nextContext = { ...this.it, ...subschema, items: void 0, props: void 0 };
        subschemaCode(nextContext, valid);
        return nextContext;
      }
      mergeEvaluated(schemaCxt, toName) {
        const { it, gen } = this;
        if (!it.opts.unevaluated)
          return;
        if (it.props !== true && schemaCxt.props !== void 0) {
          it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
        }
        if (it.items !== true && schemaCxt.items !== void 0) {
          it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
        }
      }
      mergeValidEvaluated(schemaCxt, valid) {
        const { it, gen } = this;
        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
          gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
          return true;
        }
      }
    };
    exports.KeywordCxt = KeywordCxt;
    function keywordCode(it, keyword, def, ruleType) {
      const cxt = new KeywordCxt(it, def, keyword);
      if ("code" in def) {
        def.code(cxt, ruleType);
      } else if (cxt.$data && def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      } else if ("macro" in def) {
        (0, keyword_1.macroKeywordCode)(cxt, def);
      } else if (def.compile || def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      }
    }
    var JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
    var RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
    function getData($data, { dataLevel, dataNames, dataPathArr }) {
      let jsonPointer;
      let data;
      if ($data === "")
        return names_1.default.rootData;
      if ($data[0] === "/") {
        if (!JSON_POINTER.test($data))
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        jsonPointer = $data;
        data = names_1.default.rootData;
      } else {
        const matches = RELATIVE_JSON_POINTER.exec($data);
        if (!matches)
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        const up = +matches[1];
        jsonPointer = matches[2];
        if (jsonPointer === "#") {
          if (up >= dataLevel)
            throw new Error(errorMsg("property/index", up));
          return dataPathArr[dataLevel - up];
        }
        if (up > dataLevel)
          throw new Error(errorMsg("data", up));
        data = dataNames[dataLevel - up];
        if (!jsonPointer)
          return data;
      }
      let expr = data;
      const segments = jsonPointer.split("/");
      for (const segment of segments) {
        if (segment) {
          data = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
          expr = (0, codegen_1._)`${expr} && ${data}`;
        }
      }
      return expr;
      function errorMsg(pointerType, up) {
        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
      }
    }
    exports.getData = getData;
  }
});

// node_modules/ajv/dist/runtime/validation_error.js
var require_validation_error = __commonJS({
  "node_modules/ajv/dist/runtime/validation_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var ValidationError = class extends Error {
      constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
      }
    };
    exports.default = ValidationError;
  }
});

// node_modules/ajv/dist/compile/ref_error.js
var require_ref_error = __commonJS({
  "node_modules/ajv/dist/compile/ref_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var resolve_1 = require_resolve();
    var MissingRefError = class extends Error {
      constructor(resolver, baseId, ref, msg) {
        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
      }
    };
    exports.default = MissingRefError;
  }
});

// node_modules/ajv/dist/compile/index.js
var require_compile = __commonJS({
  "node_modules/ajv/dist/compile/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.resolveSchema = exports.getCompilingSchema = exports.resolveRef = exports.compileSchema = exports.SchemaEnv = void 0;
    var codegen_1 = require_codegen();
    var validation_error_1 = require_validation_error();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var validate_1 = require_validate();
    var SchemaEnv = class {
      constructor(env) {
        var _a;
        this.refs = {};
        this.dynamicAnchors = {};
        let schema;
        if (typeof env.schema == "object")
          schema = env.schema;
        this.schema = env.schema;
        this.schemaId = env.schemaId;
        this.root = env.root || this;
        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
        this.schemaPath = env.schemaPath;
        this.localRefs = env.localRefs;
        this.meta = env.meta;
        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
        this.refs = {};
      }
    };
    exports.SchemaEnv = SchemaEnv;
    function compileSchema(sch) {
      const _sch = getCompilingSchema.call(this, sch);
      if (_sch)
        return _sch;
      const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId);
      const { es5, lines } = this.opts.code;
      const { ownProperties } = this.opts;
      const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
      let _ValidationError;
      if (sch.$async) {
        _ValidationError = gen.scopeValue("Error", {
          ref: validation_error_1.default,
          code: (0, codegen_1._)`require("ajv/dist/runtime/validation_error").default`
        });
      }
      const validateName = gen.scopeName("validate");
      sch.validateName = validateName;
      const schemaCxt = {
        gen,
        allErrors: this.opts.allErrors,
        data: names_1.default.data,
        parentData: names_1.default.parentData,
        parentDataProperty: names_1.default.parentDataProperty,
        dataNames: [names_1.default.data],
        dataPathArr: [codegen_1.nil],
        // TODO can its length be used as dataLevel if nil is removed?
        dataLevel: 0,
        dataTypes: [],
        definedProperties: /* @__PURE__ */ new Set(),
        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) } : { ref: sch.schema }),
        validateName,
        ValidationError: _ValidationError,
        schema: sch.schema,
        schemaEnv: sch,
        rootId,
        baseId: sch.baseId || rootId,
        schemaPath: codegen_1.nil,
        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
        errorPath: (0, codegen_1._)`""`,
        opts: this.opts,
        self: this
      };
      let sourceCode;
      try {
        this._compilations.add(sch);
        (0, validate_1.validateFunctionCode)(schemaCxt);
        gen.optimize(this.opts.code.optimize);
        const validateCode = gen.toString();
        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
        if (this.opts.code.process)
          sourceCode = this.opts.code.process(sourceCode, sch);
        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
        const validate = makeValidate(this, this.scope.get());
        this.scope.value(validateName, { ref: validate });
        validate.errors = null;
        validate.schema = sch.schema;
        validate.schemaEnv = sch;
        if (sch.$async)
          validate.$async = true;
        if (this.opts.code.source === true) {
          validate.source = { validateName, validateCode, scopeValues: gen._values };
        }
        if (this.opts.unevaluated) {
          const { props, items } = schemaCxt;
          validate.evaluated = {
            props: props instanceof codegen_1.Name ? void 0 : props,
            items: items instanceof codegen_1.Name ? void 0 : items,
            dynamicProps: props instanceof codegen_1.Name,
            dynamicItems: items instanceof codegen_1.Name
          };
          if (validate.source)
            validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
        }
        sch.validate = validate;
        return sch;
      } catch (e) {
        delete sch.validate;
        delete sch.validateName;
        if (sourceCode)
          this.logger.error("Error compiling schema, function code:", sourceCode);
        throw e;
      } finally {
        this._compilations.delete(sch);
      }
    }
    exports.compileSchema = compileSchema;
    function resolveRef(root, baseId, ref) {
      var _a;
      ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
      const schOrFunc = root.refs[ref];
      if (schOrFunc)
        return schOrFunc;
      let _sch = resolve5.call(this, root, ref);
      if (_sch === void 0) {
        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref];
        const { schemaId } = this.opts;
        if (schema)
          _sch = new SchemaEnv({ schema, schemaId, root, baseId });
      }
      if (_sch === void 0)
        return;
      return root.refs[ref] = inlineOrCompile.call(this, _sch);
    }
    exports.resolveRef = resolveRef;
    function inlineOrCompile(sch) {
      if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
        return sch.schema;
      return sch.validate ? sch : compileSchema.call(this, sch);
    }
    function getCompilingSchema(schEnv) {
      for (const sch of this._compilations) {
        if (sameSchemaEnv(sch, schEnv))
          return sch;
      }
    }
    exports.getCompilingSchema = getCompilingSchema;
    function sameSchemaEnv(s1, s2) {
      return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
    }
    function resolve5(root, ref) {
      let sch;
      while (typeof (sch = this.refs[ref]) == "string")
        ref = sch;
      return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
    }
    function resolveSchema(root, ref) {
      const p = this.opts.uriResolver.parse(ref);
      const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
      let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, void 0);
      if (Object.keys(root.schema).length > 0 && refPath === baseId) {
        return getJsonPointer.call(this, p, root);
      }
      const id = (0, resolve_1.normalizeId)(refPath);
      const schOrRef = this.refs[id] || this.schemas[id];
      if (typeof schOrRef == "string") {
        const sch = resolveSchema.call(this, root, schOrRef);
        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
          return;
        return getJsonPointer.call(this, p, sch);
      }
      if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
        return;
      if (!schOrRef.validate)
        compileSchema.call(this, schOrRef);
      if (id === (0, resolve_1.normalizeId)(ref)) {
        const { schema } = schOrRef;
        const { schemaId } = this.opts;
        const schId = schema[schemaId];
        if (schId)
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        return new SchemaEnv({ schema, schemaId, root, baseId });
      }
      return getJsonPointer.call(this, p, schOrRef);
    }
    exports.resolveSchema = resolveSchema;
    var PREVENT_SCOPE_CHANGE = /* @__PURE__ */ new Set([
      "properties",
      "patternProperties",
      "enum",
      "dependencies",
      "definitions"
    ]);
    function getJsonPointer(parsedRef, { baseId, schema, root }) {
      var _a;
      if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
        return;
      for (const part of parsedRef.fragment.slice(1).split("/")) {
        if (typeof schema === "boolean")
          return;
        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
        if (partSchema === void 0)
          return;
        schema = partSchema;
        const schId = typeof schema === "object" && schema[this.opts.schemaId];
        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        }
      }
      let env;
      if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
        env = resolveSchema.call(this, root, $ref);
      }
      const { schemaId } = this.opts;
      env = env || new SchemaEnv({ schema, schemaId, root, baseId });
      if (env.schema !== env.root.schema)
        return env;
      return void 0;
    }
  }
});

// node_modules/ajv/dist/refs/data.json
var require_data = __commonJS({
  "node_modules/ajv/dist/refs/data.json"(exports, module) {
    module.exports = {
      $id: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
      description: "Meta-schema for $data reference (JSON AnySchema extension proposal)",
      type: "object",
      required: ["$data"],
      properties: {
        $data: {
          type: "string",
          anyOf: [{ format: "relative-json-pointer" }, { format: "json-pointer" }]
        }
      },
      additionalProperties: false
    };
  }
});

// node_modules/fast-uri/lib/utils.js
var require_utils = __commonJS({
  "node_modules/fast-uri/lib/utils.js"(exports, module) {
    "use strict";
    var isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu);
    var isIPv42 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u);
    var isPort = RegExp.prototype.test.bind(/^\d*$/u);
    var isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu);
    var isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu);
    var isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u);
    var isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u);
    var isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u);
    var BYTE_HEX = new Array(256);
    {
      const HEX_DIGITS = "0123456789ABCDEF";
      for (let i = 0; i < 256; i++) {
        BYTE_HEX[i] = "%" + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 15];
      }
    }
    function percentEncodeNonAscii(cp) {
      if (cp < 2048) {
        return BYTE_HEX[192 | cp >> 6] + BYTE_HEX[128 | cp & 63];
      }
      if (cp < 65536) {
        return BYTE_HEX[224 | cp >> 12] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
      }
      return BYTE_HEX[240 | cp >> 18] + BYTE_HEX[128 | cp >> 12 & 63] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
    }
    function stringArrayToHexStripped(input) {
      let acc = "";
      let code = 0;
      let i = 0;
      for (i = 0; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (code === 48) {
          continue;
        }
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
        break;
      }
      for (i += 1; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
      }
      return acc;
    }
    var isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/);
    var isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/);
    var isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/);
    var nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u);
    function isZoneIdentifier(zone) {
      if (zone.length === 0) return false;
      for (let i = 0; i < zone.length; i++) {
        if (isZoneCharacter(zone[i])) continue;
        if (zone[i] === "%" && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
          i += 2;
          continue;
        }
        return false;
      }
      return true;
    }
    function compressIPv6ZeroRun(hextets) {
      let bestStart = -1;
      let bestLength = 0;
      let runStart = -1;
      let runLength = 0;
      for (let i = 0; i < hextets.length; i++) {
        if (hextets[i] === "0") {
          if (runStart === -1) runStart = i;
          runLength++;
          if (runLength > bestLength) {
            bestLength = runLength;
            bestStart = runStart;
          }
        } else {
          runStart = -1;
          runLength = 0;
        }
      }
      if (bestLength < 2) return hextets.join(":");
      const head = hextets.slice(0, bestStart).join(":");
      const tail = hextets.slice(bestStart + bestLength).join(":");
      return head + "::" + tail;
    }
    function normalizeIPv6Address(input) {
      const compression = input.indexOf("::");
      if (compression !== -1 && input.indexOf("::", compression + 1) !== -1) return void 0;
      const left = compression === -1 ? input.split(":") : input.slice(0, compression).split(":");
      const right = compression === -1 ? [] : input.slice(compression + 2).split(":");
      if (compression !== -1) {
        if (left.length === 1 && left[0] === "") left.length = 0;
        if (right.length === 1 && right[0] === "") right.length = 0;
      }
      const parts = left.concat(right);
      let hextetCount = 0;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part === "") return void 0;
        if (part.indexOf(".") !== -1) {
          if (i !== parts.length - 1 || compression !== -1 && right.length === 0 || !isIPv42(part)) return void 0;
          hextetCount += 2;
          continue;
        }
        if (!isHextet(part)) return void 0;
        parts[i] = parseInt(part, 16).toString(16);
        hextetCount++;
      }
      if (compression === -1) {
        if (hextetCount !== 8) return void 0;
        return compressIPv6ZeroRun(parts);
      }
      if (hextetCount >= 8) return void 0;
      const expanded = parts.slice(0, left.length);
      for (let i = hextetCount; i < 8; i++) expanded.push("0");
      for (let i = left.length; i < parts.length; i++) expanded.push(parts[i]);
      return compressIPv6ZeroRun(expanded);
    }
    function normalizeIPv6(host) {
      const bracketed = host[0] === "[" && host[host.length - 1] === "]";
      const hasBracket = host[0] === "[" || host[host.length - 1] === "]";
      if (hasBracket && !bracketed) return { host, isIPV6: false, error: true };
      let input = bracketed ? host.slice(1, -1) : host;
      if (bracketed && isIPvFuture(input)) {
        input = input.toLowerCase();
        return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true };
      }
      if (findToken(input, ":") < 2) {
        return { host, isIPV6: false, error: bracketed };
      }
      let zoneIdentifier = "";
      const zoneSeparator = input.indexOf("%");
      if (zoneSeparator !== -1) {
        const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === "%25" ? 3 : 1;
        zoneIdentifier = input.slice(zoneSeparator + separatorLength);
        if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true };
        input = input.slice(0, zoneSeparator);
      }
      const address = normalizeIPv6Address(input);
      if (address === void 0) return { host, isIPV6: false, error: true };
      return {
        host: address + (zoneIdentifier ? "%" + zoneIdentifier : ""),
        escapedHost: address + (zoneIdentifier ? "%25" + zoneIdentifier : ""),
        isIPV6: true
      };
    }
    function findToken(str, token) {
      let ind = 0;
      for (let i = 0; i < str.length; i++) {
        if (str[i] === token) ind++;
      }
      return ind;
    }
    function removeDotSegments(path) {
      let input = path;
      const output = [];
      let nextSlash = -1;
      let len = 0;
      while (len = input.length) {
        if (len === 1) {
          if (input === ".") {
            break;
          } else if (input === "/") {
            output.push("/");
            break;
          } else {
            output.push(input);
            break;
          }
        } else if (len === 2) {
          if (input[0] === ".") {
            if (input[1] === ".") {
              break;
            } else if (input[1] === "/") {
              input = input.slice(2);
              continue;
            }
          } else if (input[0] === "/") {
            if (input[1] === "." || input[1] === "/") {
              output.push("/");
              break;
            }
          }
        } else if (len === 3) {
          if (input === "/..") {
            if (output.length !== 0) {
              output.pop();
            }
            output.push("/");
            break;
          }
        }
        if (input[0] === ".") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(3);
              continue;
            }
          } else if (input[1] === "/") {
            input = input.slice(2);
            continue;
          }
        } else if (input[0] === "/") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(2);
              continue;
            } else if (input[2] === ".") {
              if (input[3] === "/") {
                input = input.slice(3);
                if (output.length !== 0) {
                  output.pop();
                }
                continue;
              }
            }
          }
        }
        if ((nextSlash = input.indexOf("/", 1)) === -1) {
          output.push(input);
          break;
        } else {
          output.push(input.slice(0, nextSlash));
          input = input.slice(nextSlash);
        }
      }
      return output.join("");
    }
    function removeDotSegmentsRelative(path) {
      if (path === "" || path[0] === "/") {
        return removeDotSegments(path);
      }
      const segments = path.split("/");
      const last = segments.length - 1;
      const output = [];
      let trailingDirectory = false;
      for (let i = 0; i <= last; i++) {
        const segment = segments[i];
        if (segment === "." || segment === "..") {
          if (segment === "..") {
            if (output.length !== 0 && output[output.length - 1] !== "..") {
              output.pop();
            } else {
              output.push("..");
            }
          }
          trailingDirectory = i === last;
        } else {
          output.push(segment);
        }
      }
      if (trailingDirectory && output[output.length - 1] !== "..") {
        output.push("");
      }
      if (output.length === 0 || output[0] === "" || output[0].includes(":")) {
        output.unshift(".");
      }
      return output.join("/");
    }
    var HOST_DELIMS = { "@": "%40", "/": "%2F", "?": "%3F", "#": "%23", ":": "%3A" };
    var HOST_DELIM_RE = /[@/?#:]/g;
    var HOST_DELIM_NO_COLON_RE = /[@/?#]/g;
    function reescapeHostDelimiters(host, isIP) {
      const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE;
      re.lastIndex = 0;
      return host.replace(re, (ch) => HOST_DELIMS[ch]);
    }
    function normalizePercentEncoding(input, decodeUnreserved = false) {
      if (input.indexOf("%") === -1) {
        return input;
      }
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decodeUnreserved && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        output += input[i];
      }
      return output;
    }
    function normalizePathEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decoded !== "." && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isPathCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function serializePathEncoding(input, pathNoScheme = false) {
      let output = "";
      let firstSegment = pathNoScheme && input[0] !== "/";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (ch === "/") {
          firstSegment = false;
        }
        if (isPathCharacter(ch) && (ch !== ":" || !firstSegment)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeComponent(input, isAllowed) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (isAllowed(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeUserinfo(input) {
      return encodeComponent(input, isUserinfoCharacter);
    }
    function encodeQuery(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function encodeFragment(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function isEscapeSafe(cp) {
      return cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122 || cp === 42 || cp === 43 || cp === 45 || cp === 46 || cp === 47 || cp === 64 || cp === 95;
    }
    function normalizeQueryFragmentEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isQueryFragmentCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function escapePreservingEscapes(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        output += escape(input[i]);
      }
      return output;
    }
    function recomposeAuthority(component) {
      const uriTokens = [];
      if (component.userinfo !== void 0) {
        uriTokens.push(encodeUserinfo(component.userinfo));
        uriTokens.push("@");
      }
      if (component.host !== void 0) {
        let host = component.host;
        if (!isIPv42(host)) {
          let ipV6res = normalizeIPv6(host);
          if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
            host = normalizePercentEncoding(host, true);
            ipV6res = normalizeIPv6(host);
          }
          if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
            host = `[${ipV6res.escapedHost}]`;
          } else {
            host = reescapeHostDelimiters(host, false);
          }
        }
        uriTokens.push(host);
      }
      if (typeof component.port === "number" || typeof component.port === "string") {
        const port = String(component.port);
        if (!isPort(port)) {
          throw new TypeError("URI port is malformed.");
        }
        uriTokens.push(":");
        uriTokens.push(port);
      }
      return uriTokens.length ? uriTokens.join("") : void 0;
    }
    module.exports = {
      nonSimpleDomain,
      recomposeAuthority,
      reescapeHostDelimiters,
      normalizePercentEncoding,
      normalizePathEncoding,
      serializePathEncoding,
      normalizeQueryFragmentEncoding,
      encodeUserinfo,
      encodeQuery,
      encodeFragment,
      escapePreservingEscapes,
      removeDotSegments,
      removeDotSegmentsRelative,
      isIPv4: isIPv42,
      isUUID,
      normalizeIPv6,
      stringArrayToHexStripped
    };
  }
});

// node_modules/fast-uri/lib/schemes.js
var require_schemes = __commonJS({
  "node_modules/fast-uri/lib/schemes.js"(exports, module) {
    "use strict";
    var { isUUID } = require_utils();
    var URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu;
    var supportedSchemeNames = (
      /** @type {const} */
      [
        "http",
        "https",
        "ws",
        "wss",
        "urn",
        "urn:uuid"
      ]
    );
    function isValidSchemeName(name) {
      return supportedSchemeNames.indexOf(
        /** @type {*} */
        name
      ) !== -1;
    }
    function wsIsSecure(wsComponent) {
      if (wsComponent.secure === true) {
        return true;
      } else if (wsComponent.secure === false) {
        return false;
      } else if (wsComponent.scheme) {
        return wsComponent.scheme.length === 3 && (wsComponent.scheme[0] === "w" || wsComponent.scheme[0] === "W") && (wsComponent.scheme[1] === "s" || wsComponent.scheme[1] === "S") && (wsComponent.scheme[2] === "s" || wsComponent.scheme[2] === "S");
      } else {
        return false;
      }
    }
    function httpParse(component) {
      if (!component.host) {
        component.error = component.error || "HTTP URIs must have a host.";
      }
      return component;
    }
    function httpSerialize(component) {
      const secure = String(component.scheme).toLowerCase() === "https";
      if (component.port === (secure ? 443 : 80) || component.port === "") {
        component.port = void 0;
      }
      if (!component.path) {
        component.path = "/";
      }
      return component;
    }
    function wsParse(wsComponent) {
      wsComponent.secure = wsIsSecure(wsComponent);
      wsComponent.resourceName = (wsComponent.path || "/") + (wsComponent.query ? "?" + wsComponent.query : "");
      wsComponent.path = void 0;
      wsComponent.query = void 0;
      return wsComponent;
    }
    function wsSerialize(wsComponent) {
      if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === "") {
        wsComponent.port = void 0;
      }
      if (typeof wsComponent.secure === "boolean") {
        wsComponent.scheme = wsComponent.secure ? "wss" : "ws";
        wsComponent.secure = void 0;
      }
      if (wsComponent.resourceName) {
        const queryIndex = wsComponent.resourceName.indexOf("?");
        const path = queryIndex === -1 ? wsComponent.resourceName : wsComponent.resourceName.slice(0, queryIndex);
        wsComponent.path = path && path !== "/" ? path : void 0;
        wsComponent.query = queryIndex === -1 ? void 0 : wsComponent.resourceName.slice(queryIndex + 1);
        wsComponent.resourceName = void 0;
      }
      wsComponent.fragment = void 0;
      return wsComponent;
    }
    function urnParse(urnComponent, options) {
      if (!urnComponent.path) {
        urnComponent.error = "URN can not be parsed";
        return urnComponent;
      }
      const matches = urnComponent.path.match(URN_REG);
      if (matches && matches[0] === urnComponent.path) {
        const scheme = options.scheme || urnComponent.scheme || "urn";
        urnComponent.nid = matches[1].toLowerCase();
        urnComponent.nss = matches[2];
        const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`;
        const schemeHandler = getSchemeHandler(urnScheme);
        urnComponent.path = void 0;
        if (schemeHandler) {
          urnComponent = schemeHandler.parse(urnComponent, options);
        }
      } else {
        urnComponent.error = urnComponent.error || "URN can not be parsed.";
      }
      return urnComponent;
    }
    function urnSerialize(urnComponent, options) {
      if (urnComponent.nid === void 0) {
        throw new Error("URN without nid cannot be serialized");
      }
      const scheme = options.scheme || urnComponent.scheme || "urn";
      const nid = urnComponent.nid.toLowerCase();
      const urnScheme = `${scheme}:${options.nid || nid}`;
      const schemeHandler = getSchemeHandler(urnScheme);
      if (schemeHandler) {
        urnComponent = schemeHandler.serialize(urnComponent, options);
      }
      const uriComponent = urnComponent;
      const nss = urnComponent.nss;
      uriComponent.path = `${nid || options.nid}:${nss}`;
      options.skipEscape = true;
      return uriComponent;
    }
    function urnuuidParse(urnComponent, options) {
      const uuidComponent = urnComponent;
      uuidComponent.uuid = uuidComponent.nss;
      uuidComponent.nss = void 0;
      if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
        uuidComponent.error = uuidComponent.error || "UUID is not valid.";
      }
      return uuidComponent;
    }
    function urnuuidSerialize(uuidComponent) {
      const urnComponent = uuidComponent;
      urnComponent.nss = (uuidComponent.uuid || "").toLowerCase();
      return urnComponent;
    }
    var http = (
      /** @type {SchemeHandler} */
      {
        scheme: "http",
        domainHost: true,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var https = (
      /** @type {SchemeHandler} */
      {
        scheme: "https",
        domainHost: http.domainHost,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var ws = (
      /** @type {SchemeHandler} */
      {
        scheme: "ws",
        domainHost: true,
        parse: wsParse,
        serialize: wsSerialize
      }
    );
    var wss = (
      /** @type {SchemeHandler} */
      {
        scheme: "wss",
        domainHost: ws.domainHost,
        parse: ws.parse,
        serialize: ws.serialize
      }
    );
    var urn = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn",
        parse: urnParse,
        serialize: urnSerialize,
        skipNormalize: true
      }
    );
    var urnuuid = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn:uuid",
        parse: urnuuidParse,
        serialize: urnuuidSerialize,
        skipNormalize: true
      }
    );
    var SCHEMES = (
      /** @type {Record<SchemeName, SchemeHandler>} */
      {
        http,
        https,
        ws,
        wss,
        urn,
        "urn:uuid": urnuuid
      }
    );
    Object.setPrototypeOf(SCHEMES, null);
    function getSchemeHandler(scheme) {
      return scheme && (SCHEMES[
        /** @type {SchemeName} */
        scheme
      ] || SCHEMES[
        /** @type {SchemeName} */
        scheme.toLowerCase()
      ]) || void 0;
    }
    module.exports = {
      wsIsSecure,
      SCHEMES,
      isValidSchemeName,
      getSchemeHandler
    };
  }
});

// node_modules/fast-uri/index.js
var require_fast_uri = __commonJS({
  "node_modules/fast-uri/index.js"(exports, module) {
    "use strict";
    var { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4: isIPv42, nonSimpleDomain } = require_utils();
    var { SCHEMES, getSchemeHandler } = require_schemes();
    var VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u;
    var MALFORMED_SCHEME_ERROR = "URI scheme is malformed.";
    var MALFORMED_HOST_ERROR = "URI host is malformed.";
    var FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u;
    function validateScheme(scheme) {
      const stringScheme = String(scheme);
      if (!VALID_SCHEME.test(stringScheme)) {
        throw new TypeError(MALFORMED_SCHEME_ERROR);
      }
      return stringScheme;
    }
    function normalize(uri, options) {
      if (typeof uri === "string") {
        uri = /** @type {T} */
        normalizeString(uri, options);
      } else if (typeof uri === "object") {
        uri = /** @type {T} */
        parse2(serialize(uri, options), options);
      }
      return uri;
    }
    function resolve5(baseURI, relativeURI, options) {
      const schemelessOptions = options ? Object.assign({ scheme: "null" }, options) : { scheme: "null" };
      const {
        parsed: baseParsed,
        malformedAuthorityOrPort: baseMalformed,
        malformedPercentEncoding: baseMalformedPercentEncoding,
        malformedSchemeSpecific: baseMalformedSchemeSpecific,
        malformedHost: baseMalformedHost,
        malformedScheme: baseMalformedScheme
      } = parseWithStatus(baseURI, schemelessOptions);
      const {
        parsed: relativeParsed,
        malformedAuthorityOrPort: relativeMalformed,
        malformedPercentEncoding: relativeMalformedPercentEncoding,
        malformedSchemeSpecific: relativeMalformedSchemeSpecific,
        malformedHost: relativeMalformedHost,
        malformedScheme: relativeMalformedScheme
      } = parseWithStatus(relativeURI, schemelessOptions);
      if (baseMalformed || relativeMalformed || baseMalformedPercentEncoding || relativeMalformedPercentEncoding || baseMalformedSchemeSpecific || relativeMalformedSchemeSpecific || baseMalformedHost || relativeMalformedHost || baseMalformedScheme || relativeMalformedScheme) {
        throw new Error(baseParsed.error || relativeParsed.error || "URI is malformed.");
      }
      const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true);
      const resolvedSchemeHandler = getSchemeHandler(options && options.scheme || resolved.scheme);
      const resolvedHost = resolved.host;
      const resolvedHostIsIP = resolvedHost !== void 0 && resolvedHost !== "" && (isIPv42(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6);
      if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
        throw new Error(MALFORMED_HOST_ERROR);
      }
      canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP);
      const encodedASCIIHost = resolvedHost && resolvedHost.indexOf("%") !== -1 && !new RegExp("\\P{ASCII}", "u").test(resolvedHost);
      if (resolved.error && !encodedASCIIHost) {
        throw new Error(resolved.error);
      }
      schemelessOptions.skipEscape = true;
      return serialize(resolved, schemelessOptions);
    }
    function resolveComponent(base, relative5, options, skipNormalization) {
      const target = {};
      if (!skipNormalization) {
        base = parse2(serialize(base, options), options);
        relative5 = parse2(serialize(relative5, options), options);
      }
      options = options || {};
      if (!options.tolerant && relative5.scheme) {
        target.scheme = relative5.scheme;
        target.userinfo = relative5.userinfo;
        target.host = relative5.host;
        target.port = relative5.port;
        target.path = removeDotSegments(relative5.path || "");
        target.query = relative5.query;
      } else {
        if (relative5.userinfo !== void 0 || relative5.host !== void 0 || relative5.port !== void 0) {
          target.userinfo = relative5.userinfo;
          target.host = relative5.host;
          target.port = relative5.port;
          target.path = removeDotSegments(relative5.path || "");
          target.query = relative5.query;
        } else {
          if (!relative5.path) {
            target.path = base.path;
            if (relative5.query !== void 0) {
              target.query = relative5.query;
            } else {
              target.query = base.query;
            }
          } else {
            if (relative5.path[0] === "/") {
              target.path = removeDotSegments(relative5.path);
            } else {
              const baseHasAuthority = base.userinfo !== void 0 || base.host !== void 0 || base.port !== void 0;
              if (baseHasAuthority && !base.path) {
                target.path = "/" + relative5.path;
              } else if (!base.path) {
                target.path = relative5.path;
              } else {
                target.path = base.path.slice(0, base.path.lastIndexOf("/") + 1) + relative5.path;
              }
              target.path = base.scheme === void 0 && !baseHasAuthority && target.path[0] !== "/" ? removeDotSegmentsRelative(target.path) : removeDotSegments(target.path);
            }
            target.query = relative5.query;
          }
          target.userinfo = base.userinfo;
          target.host = base.host;
          target.port = base.port;
        }
        target.scheme = base.scheme;
      }
      target.fragment = relative5.fragment;
      return target;
    }
    function equal(uriA, uriB, options) {
      const normalizedA = normalizeComparableURI(uriA, options);
      const normalizedB = normalizeComparableURI(uriB, options);
      return normalizedA !== void 0 && normalizedB !== void 0 && normalizedA === normalizedB;
    }
    function serialize(cmpts, opts) {
      const component = {
        host: cmpts.host,
        scheme: cmpts.scheme,
        userinfo: cmpts.userinfo,
        port: cmpts.port,
        path: cmpts.path,
        query: cmpts.query,
        nid: cmpts.nid,
        nss: cmpts.nss,
        uuid: cmpts.uuid,
        fragment: cmpts.fragment,
        reference: cmpts.reference,
        resourceName: cmpts.resourceName,
        secure: cmpts.secure,
        error: ""
      };
      const options = Object.assign({}, opts);
      const uriTokens = [];
      if (component.scheme) {
        component.scheme = validateScheme(component.scheme);
      }
      const schemeHandler = getSchemeHandler(options.scheme || component.scheme);
      if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options);
      const hasAuthority = component.userinfo !== void 0 || component.host !== void 0 || component.port !== void 0;
      const schemelessReference = (component.scheme === void 0 || options.reference === "suffix") && !hasAuthority;
      const pathNoScheme = !options.skipEscape && schemelessReference;
      if (component.path !== void 0) {
        if (!options.skipEscape) {
          component.path = serializePathEncoding(component.path, pathNoScheme);
        } else {
          component.path = normalizePercentEncoding(component.path);
        }
      }
      if (options.reference !== "suffix" && component.scheme) {
        component.scheme = validateScheme(component.scheme);
        uriTokens.push(component.scheme, ":");
      }
      const authority = recomposeAuthority(component);
      if (authority !== void 0) {
        if (options.reference !== "suffix") {
          uriTokens.push("//");
        }
        uriTokens.push(authority);
        if (component.path && component.path[0] !== "/") {
          uriTokens.push("/");
        }
      }
      if (component.path !== void 0) {
        let s = component.path;
        if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
          s = schemelessReference && s[0] !== "/" ? removeDotSegmentsRelative(s) : removeDotSegments(s);
        }
        if (schemelessReference) {
          s = serializePathEncoding(s, true);
        }
        if (authority === void 0 && s[0] === "/" && s[1] === "/") {
          s = "/%2F" + s.slice(2);
        }
        uriTokens.push(s);
      }
      if (component.query !== void 0) {
        uriTokens.push("?", encodeQuery(component.query));
      }
      if (component.fragment !== void 0) {
        uriTokens.push("#", encodeFragment(component.fragment));
      }
      return uriTokens.join("");
    }
    var URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u;
    var AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/;
    var AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/;
    function getParseError(parsed, matches) {
      if (matches[2] !== void 0 && parsed.path && parsed.path[0] !== "/") {
        return 'URI path must start with "/" when authority is present.';
      }
      if (typeof parsed.port === "number" && (parsed.port < 0 || parsed.port > 65535)) {
        return "URI port is malformed.";
      }
      return void 0;
    }
    function hasMalformedPercentEncoding(component) {
      if (component === void 0) return false;
      let percent = component.indexOf("%");
      while (percent !== -1) {
        if (percent + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent + 1, percent + 3))) {
          return true;
        }
        percent = component.indexOf("%", percent + 3);
      }
      return false;
    }
    function isIPLiteral(host) {
      return host[0] === "[" && host[host.length - 1] === "]";
    }
    function hasMalformedComponentPercentEncoding(matches) {
      const host = matches[4];
      return hasMalformedPercentEncoding(matches[3]) || host !== void 0 && !isIPLiteral(host) && hasMalformedPercentEncoding(host) || hasMalformedPercentEncoding(matches[6]) || hasMalformedPercentEncoding(matches[7]) || hasMalformedPercentEncoding(matches[8]);
    }
    function canonicalizeHost(parsed, options, schemeHandler, isIP) {
      if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP)) {
        parsed.error = parsed.error || MALFORMED_HOST_ERROR;
        return true;
      }
      if (!options.unicodeSupport && (!schemeHandler || !schemeHandler.unicodeSupport) && parsed.host && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && isIP === false && nonSimpleDomain(parsed.host)) {
        let url;
        try {
          url = new URL("http://" + parsed.host);
        } catch (e) {
          parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e;
          return true;
        }
        if (!isHostOnlyURL(url)) {
          parsed.error = parsed.error || MALFORMED_HOST_ERROR;
          return true;
        }
        parsed.host = url.hostname;
      }
      return false;
    }
    function hasForbiddenDomainHost(parsed, options, schemeHandler, isIP) {
      return Boolean(
        parsed.host && isIP === false && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
      );
    }
    function isHostOnlyURL(url) {
      return url.username === "" && url.password === "" && url.port === "" && url.pathname === "/" && url.search === "" && url.hash === "" && url.hostname !== "";
    }
    function parseWithStatus(uri, opts) {
      const options = Object.assign({}, opts);
      const parsed = {
        scheme: void 0,
        userinfo: void 0,
        host: "",
        port: void 0,
        path: "",
        query: void 0,
        fragment: void 0
      };
      let malformedAuthorityOrPort = false;
      let malformedPercentEncoding = false;
      let malformedSchemeSpecific = false;
      let malformedHost = false;
      let malformedIPLiteral = false;
      let malformedScheme = false;
      let isIP = false;
      if (options.reference === "suffix") {
        if (options.scheme) {
          uri = options.scheme + ":" + uri;
        } else {
          uri = "//" + uri;
        }
      }
      const authorityMatch = uri.match(AUTHORITY_PREFIX);
      if (authorityMatch !== null && authorityMatch[1].indexOf("\\") !== -1) {
        parsed.error = "URI authority must not contain a literal backslash.";
        malformedAuthorityOrPort = true;
      }
      const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION);
      if (introducerMatch !== null) {
        const region = introducerMatch[1];
        const normalizedRegion = region.replace(/[\t\n\r]/g, "");
        if (normalizedRegion.length >= 2) {
          if (normalizedRegion.slice(0, 2) !== "//") {
            parsed.error = parsed.error || "URI authority must not contain a literal backslash.";
            malformedAuthorityOrPort = true;
          } else if (region.length !== normalizedRegion.length) {
            parsed.error = parsed.error || "URI authority introducer must not contain whitespace.";
            malformedAuthorityOrPort = true;
          }
        }
      }
      const matches = uri.match(URI_PARSE);
      if (matches) {
        parsed.scheme = matches[1];
        parsed.userinfo = matches[3];
        parsed.host = matches[4];
        parsed.port = parseInt(matches[5], 10);
        parsed.path = matches[6] || "";
        parsed.query = matches[7];
        parsed.fragment = matches[8];
        if (parsed.scheme !== void 0) {
          if (VALID_SCHEME.test(parsed.scheme)) {
            parsed.scheme = parsed.scheme.toLowerCase();
          } else {
            parsed.error = parsed.error || MALFORMED_SCHEME_ERROR;
            malformedScheme = true;
          }
        }
        malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches);
        if (malformedPercentEncoding) {
          parsed.error = parsed.error || "URI contains malformed percent-encoding.";
        }
        if (isNaN(parsed.port)) {
          parsed.port = matches[5];
        }
        const parseError = getParseError(parsed, matches);
        if (parseError !== void 0) {
          parsed.error = parsed.error || parseError;
          malformedAuthorityOrPort = true;
        }
        if (parsed.host) {
          const ipv4result = isIPv42(parsed.host);
          if (ipv4result === false) {
            const bracketedIPLiteral = isIPLiteral(parsed.host);
            const hasIPLiteralBracket = parsed.host.indexOf("[") !== -1 || parsed.host.indexOf("]") !== -1;
            const ipv6result = normalizeIPv6(parsed.host);
            isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true;
            malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true);
            parsed.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase();
            if (malformedIPLiteral) {
              parsed.error = parsed.error || MALFORMED_HOST_ERROR;
              malformedAuthorityOrPort = true;
            }
          } else {
            isIP = true;
          }
        }
        if (parsed.scheme === void 0 && parsed.userinfo === void 0 && parsed.host === void 0 && parsed.port === void 0 && parsed.query === void 0 && !parsed.path) {
          parsed.reference = "same-document";
        } else if (parsed.scheme === void 0) {
          parsed.reference = "relative";
        } else if (parsed.fragment === void 0) {
          parsed.reference = "absolute";
        } else {
          parsed.reference = "uri";
        }
        if (options.reference && options.reference !== "suffix" && options.reference !== parsed.reference) {
          parsed.error = parsed.error || "URI is not a " + options.reference + " reference.";
        }
        const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme);
        if (!malformedIPLiteral) {
          malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP);
        }
        if (uri.indexOf("%") !== -1 && parsed.host !== void 0 && !malformedIPLiteral) {
          let host = isIP ? parsed.host : normalizePercentEncoding(parsed.host, true);
          if (!isIP) {
            host = normalizePercentEncoding(host.toLowerCase());
          }
          parsed.host = isIP || options.scheme !== "null" ? reescapeHostDelimiters(host, isIP) : host;
        }
        if (!schemeHandler || schemeHandler && !schemeHandler.skipNormalize) {
          if (parsed.path) {
            parsed.path = normalizePathEncoding(parsed.path);
          }
          if (parsed.query) {
            parsed.query = normalizeQueryFragmentEncoding(parsed.query);
          }
          if (parsed.fragment) {
            parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment);
          }
        }
        if (schemeHandler && schemeHandler.parse) {
          schemeHandler.parse(parsed, options);
          if (schemeHandler === SCHEMES.urn && parsed.nid === void 0) {
            malformedSchemeSpecific = true;
          }
        }
      } else {
        parsed.error = parsed.error || "URI can not be parsed.";
      }
      return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme };
    }
    function parse2(uri, opts) {
      return parseWithStatus(uri, opts).parsed;
    }
    function normalizeString(uri, opts) {
      return normalizeStringWithStatus(uri, opts).normalized;
    }
    function normalizeStringWithStatus(uri, opts) {
      const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts);
      return {
        normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
        malformedAuthorityOrPort,
        malformedPercentEncoding,
        malformedSchemeSpecific,
        malformedHost,
        malformedScheme
      };
    }
    function normalizeComparableURI(uri, opts) {
      if (typeof uri !== "string" && typeof uri !== "object") {
        return void 0;
      }
      let value;
      try {
        value = typeof uri === "string" ? uri : serialize(uri, opts);
      } catch {
        return void 0;
      }
      const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts);
      return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? void 0 : normalized;
    }
    var fastUri = {
      SCHEMES,
      normalize,
      resolve: resolve5,
      resolveComponent,
      equal,
      serialize,
      parse: parse2
    };
    module.exports = fastUri;
    module.exports.default = fastUri;
    module.exports.fastUri = fastUri;
  }
});

// node_modules/ajv/dist/runtime/uri.js
var require_uri = __commonJS({
  "node_modules/ajv/dist/runtime/uri.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var uri = require_fast_uri();
    uri.code = 'require("ajv/dist/runtime/uri").default';
    exports.default = uri;
  }
});

// node_modules/ajv/dist/core.js
var require_core = __commonJS({
  "node_modules/ajv/dist/core.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    var ref_error_1 = require_ref_error();
    var rules_1 = require_rules();
    var compile_1 = require_compile();
    var codegen_2 = require_codegen();
    var resolve_1 = require_resolve();
    var dataType_1 = require_dataType();
    var util_1 = require_util();
    var $dataRefSchema = require_data();
    var uri_1 = require_uri();
    var defaultRegExp = (str, flags) => new RegExp(str, flags);
    defaultRegExp.code = "new RegExp";
    var META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
    var EXT_SCOPE_NAMES = /* @__PURE__ */ new Set([
      "validate",
      "serialize",
      "parse",
      "wrapper",
      "root",
      "schema",
      "keyword",
      "pattern",
      "formats",
      "validate$data",
      "func",
      "obj",
      "Error"
    ]);
    var removedOptions = {
      errorDataPath: "",
      format: "`validateFormats: false` can be used instead.",
      nullable: '"nullable" keyword is supported by default.',
      jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
      extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
      missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
      processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
      sourceCode: "Use option `code: {source: true}`",
      strictDefaults: "It is default now, see option `strict`.",
      strictKeywords: "It is default now, see option `strict`.",
      uniqueItems: '"uniqueItems" keyword is always validated.',
      unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
      cache: "Map is used as cache, schema object as key.",
      serialize: "Map is used as cache, schema object as key.",
      ajvErrors: "It is default now."
    };
    var deprecatedOptions = {
      ignoreKeywordsWithRef: "",
      jsPropertySyntax: "",
      unicode: '"minLength"/"maxLength" account for unicode characters by default.'
    };
    var MAX_EXPRESSION = 200;
    function requiredOptions(o) {
      var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
      const s = o.strict;
      const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
      const optimize = _optz === true || _optz === void 0 ? 1 : _optz || 0;
      const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
      const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
      return {
        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
        uriResolver
      };
    }
    var Ajv = class {
      constructor(opts = {}) {
        this.schemas = {};
        this.refs = {};
        this.formats = /* @__PURE__ */ Object.create(null);
        this._compilations = /* @__PURE__ */ new Set();
        this._loading = {};
        this._cache = /* @__PURE__ */ new Map();
        opts = this.opts = { ...opts, ...requiredOptions(opts) };
        const { es5, lines } = this.opts.code;
        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
        this.logger = getLogger(opts.logger);
        const formatOpt = opts.validateFormats;
        opts.validateFormats = false;
        this.RULES = (0, rules_1.getRules)();
        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
        this._metaOpts = getMetaSchemaOptions.call(this);
        if (opts.formats)
          addInitialFormats.call(this);
        this._addVocabularies();
        this._addDefaultMetaSchema();
        if (opts.keywords)
          addInitialKeywords.call(this, opts.keywords);
        if (typeof opts.meta == "object")
          this.addMetaSchema(opts.meta);
        addInitialSchemas.call(this);
        opts.validateFormats = formatOpt;
      }
      _addVocabularies() {
        this.addKeyword("$async");
      }
      _addDefaultMetaSchema() {
        const { $data, meta, schemaId } = this.opts;
        let _dataRefSchema = $dataRefSchema;
        if (schemaId === "id") {
          _dataRefSchema = { ...$dataRefSchema };
          _dataRefSchema.id = _dataRefSchema.$id;
          delete _dataRefSchema.$id;
        }
        if (meta && $data)
          this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
      }
      defaultMeta() {
        const { meta, schemaId } = this.opts;
        return this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : void 0;
      }
      validate(schemaKeyRef, data) {
        let v;
        if (typeof schemaKeyRef == "string") {
          v = this.getSchema(schemaKeyRef);
          if (!v)
            throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
        } else {
          v = this.compile(schemaKeyRef);
        }
        const valid = v(data);
        if (!("$async" in v))
          this.errors = v.errors;
        return valid;
      }
      compile(schema, _meta) {
        const sch = this._addSchema(schema, _meta);
        return sch.validate || this._compileSchemaEnv(sch);
      }
      compileAsync(schema, meta) {
        if (typeof this.opts.loadSchema != "function") {
          throw new Error("options.loadSchema should be a function");
        }
        const { loadSchema } = this.opts;
        return runCompileAsync.call(this, schema, meta);
        async function runCompileAsync(_schema, _meta) {
          await loadMetaSchema.call(this, _schema.$schema);
          const sch = this._addSchema(_schema, _meta);
          return sch.validate || _compileAsync.call(this, sch);
        }
        async function loadMetaSchema($ref) {
          if ($ref && !this.getSchema($ref)) {
            await runCompileAsync.call(this, { $ref }, true);
          }
        }
        async function _compileAsync(sch) {
          try {
            return this._compileSchemaEnv(sch);
          } catch (e) {
            if (!(e instanceof ref_error_1.default))
              throw e;
            checkLoaded.call(this, e);
            await loadMissingSchema.call(this, e.missingSchema);
            return _compileAsync.call(this, sch);
          }
        }
        function checkLoaded({ missingSchema: ref, missingRef }) {
          if (this.refs[ref]) {
            throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
          }
        }
        async function loadMissingSchema(ref) {
          const _schema = await _loadSchema.call(this, ref);
          if (!this.refs[ref])
            await loadMetaSchema.call(this, _schema.$schema);
          if (!this.refs[ref])
            this.addSchema(_schema, ref, meta);
        }
        async function _loadSchema(ref) {
          const p = this._loading[ref];
          if (p)
            return p;
          try {
            return await (this._loading[ref] = loadSchema(ref));
          } finally {
            delete this._loading[ref];
          }
        }
      }
      // Adds schema to the instance
      addSchema(schema, key, _meta, _validateSchema = this.opts.validateSchema) {
        if (Array.isArray(schema)) {
          for (const sch of schema)
            this.addSchema(sch, void 0, _meta, _validateSchema);
          return this;
        }
        let id;
        if (typeof schema === "object") {
          const { schemaId } = this.opts;
          id = schema[schemaId];
          if (id !== void 0 && typeof id != "string") {
            throw new Error(`schema ${schemaId} must be string`);
          }
        }
        key = (0, resolve_1.normalizeId)(key || id);
        this._checkUnique(key);
        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
        return this;
      }
      // Add schema that will be used to validate other schemas
      // options in META_IGNORE_OPTIONS are alway set to false
      addMetaSchema(schema, key, _validateSchema = this.opts.validateSchema) {
        this.addSchema(schema, key, true, _validateSchema);
        return this;
      }
      //  Validate schema against its meta-schema
      validateSchema(schema, throwOrLogError) {
        if (typeof schema == "boolean")
          return true;
        let $schema;
        $schema = schema.$schema;
        if ($schema !== void 0 && typeof $schema != "string") {
          throw new Error("$schema must be a string");
        }
        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
        if (!$schema) {
          this.logger.warn("meta-schema not available");
          this.errors = null;
          return true;
        }
        const valid = this.validate($schema, schema);
        if (!valid && throwOrLogError) {
          const message = "schema is invalid: " + this.errorsText();
          if (this.opts.validateSchema === "log")
            this.logger.error(message);
          else
            throw new Error(message);
        }
        return valid;
      }
      // Get compiled schema by `key` or `ref`.
      // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
      getSchema(keyRef) {
        let sch;
        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
          keyRef = sch;
        if (sch === void 0) {
          const { schemaId } = this.opts;
          const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
          sch = compile_1.resolveSchema.call(this, root, keyRef);
          if (!sch)
            return;
          this.refs[keyRef] = sch;
        }
        return sch.validate || this._compileSchemaEnv(sch);
      }
      // Remove cached schema(s).
      // If no parameter is passed all schemas but meta-schemas are removed.
      // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
      // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
      removeSchema(schemaKeyRef) {
        if (schemaKeyRef instanceof RegExp) {
          this._removeAllSchemas(this.schemas, schemaKeyRef);
          this._removeAllSchemas(this.refs, schemaKeyRef);
          return this;
        }
        switch (typeof schemaKeyRef) {
          case "undefined":
            this._removeAllSchemas(this.schemas);
            this._removeAllSchemas(this.refs);
            this._cache.clear();
            return this;
          case "string": {
            const sch = getSchEnv.call(this, schemaKeyRef);
            if (typeof sch == "object")
              this._cache.delete(sch.schema);
            delete this.schemas[schemaKeyRef];
            delete this.refs[schemaKeyRef];
            return this;
          }
          case "object": {
            const cacheKey = schemaKeyRef;
            this._cache.delete(cacheKey);
            let id = schemaKeyRef[this.opts.schemaId];
            if (id) {
              id = (0, resolve_1.normalizeId)(id);
              delete this.schemas[id];
              delete this.refs[id];
            }
            return this;
          }
          default:
            throw new Error("ajv.removeSchema: invalid parameter");
        }
      }
      // add "vocabulary" - a collection of keywords
      addVocabulary(definitions) {
        for (const def of definitions)
          this.addKeyword(def);
        return this;
      }
      addKeyword(kwdOrDef, def) {
        let keyword;
        if (typeof kwdOrDef == "string") {
          keyword = kwdOrDef;
          if (typeof def == "object") {
            this.logger.warn("these parameters are deprecated, see docs for addKeyword");
            def.keyword = keyword;
          }
        } else if (typeof kwdOrDef == "object" && def === void 0) {
          def = kwdOrDef;
          keyword = def.keyword;
          if (Array.isArray(keyword) && !keyword.length) {
            throw new Error("addKeywords: keyword must be string or non-empty array");
          }
        } else {
          throw new Error("invalid addKeywords parameters");
        }
        checkKeyword.call(this, keyword, def);
        if (!def) {
          (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
          return this;
        }
        keywordMetaschema.call(this, def);
        const definition = {
          ...def,
          type: (0, dataType_1.getJSONTypes)(def.type),
          schemaType: (0, dataType_1.getJSONTypes)(def.schemaType)
        };
        (0, util_1.eachItem)(keyword, definition.type.length === 0 ? (k) => addRule.call(this, k, definition) : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
        return this;
      }
      getKeyword(keyword) {
        const rule = this.RULES.all[keyword];
        return typeof rule == "object" ? rule.definition : !!rule;
      }
      // Remove keyword
      removeKeyword(keyword) {
        const { RULES } = this;
        delete RULES.keywords[keyword];
        delete RULES.all[keyword];
        for (const group of RULES.rules) {
          const i = group.rules.findIndex((rule) => rule.keyword === keyword);
          if (i >= 0)
            group.rules.splice(i, 1);
        }
        return this;
      }
      // Add format
      addFormat(name, format2) {
        if (typeof format2 == "string")
          format2 = new RegExp(format2);
        this.formats[name] = format2;
        return this;
      }
      errorsText(errors = this.errors, { separator = ", ", dataVar = "data" } = {}) {
        if (!errors || errors.length === 0)
          return "No errors";
        return errors.map((e) => `${dataVar}${e.instancePath} ${e.message}`).reduce((text, msg) => text + separator + msg);
      }
      $dataMetaSchema(metaSchema, keywordsJsonPointers) {
        const rules = this.RULES.all;
        metaSchema = JSON.parse(JSON.stringify(metaSchema));
        for (const jsonPointer of keywordsJsonPointers) {
          const segments = jsonPointer.split("/").slice(1);
          let keywords = metaSchema;
          for (const seg of segments)
            keywords = keywords[seg];
          for (const key in rules) {
            const rule = rules[key];
            if (typeof rule != "object")
              continue;
            const { $data } = rule.definition;
            const schema = keywords[key];
            if ($data && schema)
              keywords[key] = schemaOrData(schema);
          }
        }
        return metaSchema;
      }
      _removeAllSchemas(schemas, regex) {
        for (const keyRef in schemas) {
          const sch = schemas[keyRef];
          if (!regex || regex.test(keyRef)) {
            if (typeof sch == "string") {
              delete schemas[keyRef];
            } else if (sch && !sch.meta) {
              this._cache.delete(sch.schema);
              delete schemas[keyRef];
            }
          }
        }
      }
      _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
        let id;
        const { schemaId } = this.opts;
        if (typeof schema == "object") {
          id = schema[schemaId];
        } else {
          if (this.opts.jtd)
            throw new Error("schema must be object");
          else if (typeof schema != "boolean")
            throw new Error("schema must be object or boolean");
        }
        let sch = this._cache.get(schema);
        if (sch !== void 0)
          return sch;
        baseId = (0, resolve_1.normalizeId)(id || baseId);
        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
        this._cache.set(sch.schema, sch);
        if (addSchema && !baseId.startsWith("#")) {
          if (baseId)
            this._checkUnique(baseId);
          this.refs[baseId] = sch;
        }
        if (validateSchema)
          this.validateSchema(schema, true);
        return sch;
      }
      _checkUnique(id) {
        if (this.schemas[id] || this.refs[id]) {
          throw new Error(`schema with key or id "${id}" already exists`);
        }
      }
      _compileSchemaEnv(sch) {
        if (sch.meta)
          this._compileMetaSchema(sch);
        else
          compile_1.compileSchema.call(this, sch);
        if (!sch.validate)
          throw new Error("ajv implementation error");
        return sch.validate;
      }
      _compileMetaSchema(sch) {
        const currentOpts = this.opts;
        this.opts = this._metaOpts;
        try {
          compile_1.compileSchema.call(this, sch);
        } finally {
          this.opts = currentOpts;
        }
      }
    };
    Ajv.ValidationError = validation_error_1.default;
    Ajv.MissingRefError = ref_error_1.default;
    exports.default = Ajv;
    function checkOptions(checkOpts, options, msg, log = "error") {
      for (const key in checkOpts) {
        const opt = key;
        if (opt in options)
          this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
      }
    }
    function getSchEnv(keyRef) {
      keyRef = (0, resolve_1.normalizeId)(keyRef);
      return this.schemas[keyRef] || this.refs[keyRef];
    }
    function addInitialSchemas() {
      const optsSchemas = this.opts.schemas;
      if (!optsSchemas)
        return;
      if (Array.isArray(optsSchemas))
        this.addSchema(optsSchemas);
      else
        for (const key in optsSchemas)
          this.addSchema(optsSchemas[key], key);
    }
    function addInitialFormats() {
      for (const name in this.opts.formats) {
        const format2 = this.opts.formats[name];
        if (format2)
          this.addFormat(name, format2);
      }
    }
    function addInitialKeywords(defs) {
      if (Array.isArray(defs)) {
        this.addVocabulary(defs);
        return;
      }
      this.logger.warn("keywords option as map is deprecated, pass array");
      for (const keyword in defs) {
        const def = defs[keyword];
        if (!def.keyword)
          def.keyword = keyword;
        this.addKeyword(def);
      }
    }
    function getMetaSchemaOptions() {
      const metaOpts = { ...this.opts };
      for (const opt of META_IGNORE_OPTIONS)
        delete metaOpts[opt];
      return metaOpts;
    }
    var noLogs = { log() {
    }, warn() {
    }, error() {
    } };
    function getLogger(logger) {
      if (logger === false)
        return noLogs;
      if (logger === void 0)
        return console;
      if (logger.log && logger.warn && logger.error)
        return logger;
      throw new Error("logger must implement log, warn and error methods");
    }
    var KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
    function checkKeyword(keyword, def) {
      const { RULES } = this;
      (0, util_1.eachItem)(keyword, (kwd) => {
        if (RULES.keywords[kwd])
          throw new Error(`Keyword ${kwd} is already defined`);
        if (!KEYWORD_NAME.test(kwd))
          throw new Error(`Keyword ${kwd} has invalid name`);
      });
      if (!def)
        return;
      if (def.$data && !("code" in def || "validate" in def)) {
        throw new Error('$data keyword must have "code" or "validate" function');
      }
    }
    function addRule(keyword, definition, dataType) {
      var _a;
      const post = definition === null || definition === void 0 ? void 0 : definition.post;
      if (dataType && post)
        throw new Error('keyword with "post" flag cannot have "type"');
      const { RULES } = this;
      let ruleGroup = post ? RULES.post : RULES.rules.find(({ type: t }) => t === dataType);
      if (!ruleGroup) {
        ruleGroup = { type: dataType, rules: [] };
        RULES.rules.push(ruleGroup);
      }
      RULES.keywords[keyword] = true;
      if (!definition)
        return;
      const rule = {
        keyword,
        definition: {
          ...definition,
          type: (0, dataType_1.getJSONTypes)(definition.type),
          schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType)
        }
      };
      if (definition.before)
        addBeforeRule.call(this, ruleGroup, rule, definition.before);
      else
        ruleGroup.rules.push(rule);
      RULES.all[keyword] = rule;
      (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
    }
    function addBeforeRule(ruleGroup, rule, before) {
      const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
      if (i >= 0) {
        ruleGroup.rules.splice(i, 0, rule);
      } else {
        ruleGroup.rules.push(rule);
        this.logger.warn(`rule ${before} is not defined`);
      }
    }
    function keywordMetaschema(def) {
      let { metaSchema } = def;
      if (metaSchema === void 0)
        return;
      if (def.$data && this.opts.$data)
        metaSchema = schemaOrData(metaSchema);
      def.validateSchema = this.compile(metaSchema, true);
    }
    var $dataRef = {
      $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#"
    };
    function schemaOrData(schema) {
      return { anyOf: [schema, $dataRef] };
    }
  }
});

// node_modules/ajv/dist/vocabularies/core/id.js
var require_id = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/id.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var def = {
      keyword: "id",
      code() {
        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/ref.js
var require_ref = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/ref.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.callRef = exports.getValidate = void 0;
    var ref_error_1 = require_ref_error();
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var util_1 = require_util();
    var def = {
      keyword: "$ref",
      schemaType: "string",
      code(cxt) {
        const { gen, schema: $ref, it } = cxt;
        const { baseId, schemaEnv: env, validateName, opts, self } = it;
        const { root } = env;
        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
          return callRootRef();
        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
        if (schOrEnv === void 0)
          throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
        if (schOrEnv instanceof compile_1.SchemaEnv)
          return callValidate(schOrEnv);
        return inlineRefSchema(schOrEnv);
        function callRootRef() {
          if (env === root)
            return callRef(cxt, validateName, env, env.$async);
          const rootName = gen.scopeValue("root", { ref: root });
          return callRef(cxt, (0, codegen_1._)`${rootName}.validate`, root, root.$async);
        }
        function callValidate(sch) {
          const v = getValidate(cxt, sch);
          callRef(cxt, v, sch, sch.$async);
        }
        function inlineRefSchema(sch) {
          const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
          const valid = gen.name("valid");
          const schCxt = cxt.subschema({
            schema: sch,
            dataTypes: [],
            schemaPath: codegen_1.nil,
            topSchemaRef: schName,
            errSchemaPath: $ref
          }, valid);
          cxt.mergeEvaluated(schCxt);
          cxt.ok(valid);
        }
      }
    };
    function getValidate(cxt, sch) {
      const { gen } = cxt;
      return sch.validate ? gen.scopeValue("validate", { ref: sch.validate }) : (0, codegen_1._)`${gen.scopeValue("wrapper", { ref: sch })}.validate`;
    }
    exports.getValidate = getValidate;
    function callRef(cxt, v, sch, $async) {
      const { gen, it } = cxt;
      const { allErrors, schemaEnv: env, opts } = it;
      const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
      if ($async)
        callAsyncRef();
      else
        callSyncRef();
      function callAsyncRef() {
        if (!env.$async)
          throw new Error("async schema referenced by sync schema");
        const valid = gen.let("valid");
        gen.try(() => {
          gen.code((0, codegen_1._)`await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
          addEvaluatedFrom(v);
          if (!allErrors)
            gen.assign(valid, true);
        }, (e) => {
          gen.if((0, codegen_1._)`!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
          addErrorsFrom(e);
          if (!allErrors)
            gen.assign(valid, false);
        });
        cxt.ok(valid);
      }
      function callSyncRef() {
        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
      }
      function addErrorsFrom(source) {
        const errs = (0, codegen_1._)`${source}.errors`;
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`);
        gen.assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
      }
      function addEvaluatedFrom(source) {
        var _a;
        if (!it.opts.unevaluated)
          return;
        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
        if (it.props !== true) {
          if (schEvaluated && !schEvaluated.dynamicProps) {
            if (schEvaluated.props !== void 0) {
              it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
            }
          } else {
            const props = gen.var("props", (0, codegen_1._)`${source}.evaluated.props`);
            it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
          }
        }
        if (it.items !== true) {
          if (schEvaluated && !schEvaluated.dynamicItems) {
            if (schEvaluated.items !== void 0) {
              it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
            }
          } else {
            const items = gen.var("items", (0, codegen_1._)`${source}.evaluated.items`);
            it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
          }
        }
      }
    }
    exports.callRef = callRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/index.js
var require_core2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var id_1 = require_id();
    var ref_1 = require_ref();
    var core = [
      "$schema",
      "$id",
      "$defs",
      "$vocabulary",
      { keyword: "$comment" },
      "definitions",
      id_1.default,
      ref_1.default
    ];
    exports.default = core;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitNumber.js
var require_limitNumber = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitNumber.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`must be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    var def = {
      keyword: Object.keys(KWDs),
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        cxt.fail$data((0, codegen_1._)`${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/multipleOf.js
var require_multipleOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/multipleOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must be multiple of ${schemaCode}`,
      params: ({ schemaCode }) => (0, codegen_1._)`{multipleOf: ${schemaCode}}`
    };
    var def = {
      keyword: "multipleOf",
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, it } = cxt;
        const prec = it.opts.multipleOfPrecision;
        const res = gen.let("res");
        const invalid = prec ? (0, codegen_1._)`Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}` : (0, codegen_1._)`${res} !== parseInt(${res})`;
        cxt.fail$data((0, codegen_1._)`(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitLength.js
var require_limitLength = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitLength.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var ucs2length_1 = require_ucs2length();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxLength" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} characters`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxLength", "minLength"],
      type: "string",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode, it } = cxt;
        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
        const len = it.opts.unicode === false ? (0, codegen_1._)`${data}.length` : (0, codegen_1._)`${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
        cxt.fail$data((0, codegen_1._)`${len} ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/pattern.js
var require_pattern = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/pattern.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var util_1 = require_util();
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match pattern "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{pattern: ${schemaCode}}`
    };
    var def = {
      keyword: "pattern",
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const u = it.opts.unicodeRegExp ? "u" : "";
        if ($data) {
          const { regExp } = it.opts.code;
          const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._)`new RegExp` : (0, util_1.useFunc)(gen, regExp);
          const valid = gen.let("valid");
          gen.try(() => gen.assign(valid, (0, codegen_1._)`${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
          cxt.fail$data((0, codegen_1._)`!${valid}`);
        } else {
          const regExp = (0, code_1.usePattern)(cxt, schema);
          cxt.fail$data((0, codegen_1._)`!${regExp}.test(${data})`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitProperties.js
var require_limitProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxProperties" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} properties`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxProperties", "minProperties"],
      type: "object",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`Object.keys(${data}).length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/required.js
var require_required = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/required.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { missingProperty } }) => (0, codegen_1.str)`must have required property '${missingProperty}'`,
      params: ({ params: { missingProperty } }) => (0, codegen_1._)`{missingProperty: ${missingProperty}}`
    };
    var def = {
      keyword: "required",
      type: "object",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, schema, schemaCode, data, $data, it } = cxt;
        const { opts } = it;
        if (!$data && schema.length === 0)
          return;
        const useLoop = schema.length >= opts.loopRequired;
        if (it.allErrors)
          allErrorsMode();
        else
          exitOnErrorMode();
        if (opts.strictRequired) {
          const props = cxt.parentSchema.properties;
          const { definedProperties } = cxt.it;
          for (const requiredKey of schema) {
            if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === void 0 && !definedProperties.has(requiredKey)) {
              const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
              const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
              (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
            }
          }
        }
        function allErrorsMode() {
          if (useLoop || $data) {
            cxt.block$data(codegen_1.nil, loopAllRequired);
          } else {
            for (const prop of schema) {
              (0, code_1.checkReportMissingProp)(cxt, prop);
            }
          }
        }
        function exitOnErrorMode() {
          const missing = gen.let("missing");
          if (useLoop || $data) {
            const valid = gen.let("valid", true);
            cxt.block$data(valid, () => loopUntilMissing(missing, valid));
            cxt.ok(valid);
          } else {
            gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
            (0, code_1.reportMissingProp)(cxt, missing);
            gen.else();
          }
        }
        function loopAllRequired() {
          gen.forOf("prop", schemaCode, (prop) => {
            cxt.setParams({ missingProperty: prop });
            gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
          });
        }
        function loopUntilMissing(missing, valid) {
          cxt.setParams({ missingProperty: missing });
          gen.forOf(missing, schemaCode, () => {
            gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
            gen.if((0, codegen_1.not)(valid), () => {
              cxt.error();
              gen.break();
            });
          }, codegen_1.nil);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitItems.js
var require_limitItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxItems" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} items`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxItems", "minItems"],
      type: "array",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`${data}.length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal;
  }
});

// node_modules/ajv/dist/vocabularies/validation/uniqueItems.js
var require_uniqueItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/uniqueItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dataType_1 = require_dataType();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: ({ params: { i, j } }) => (0, codegen_1.str)`must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      params: ({ params: { i, j } }) => (0, codegen_1._)`{i: ${i}, j: ${j}}`
    };
    var def = {
      keyword: "uniqueItems",
      type: "array",
      schemaType: "boolean",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
        if (!$data && !schema)
          return;
        const valid = gen.let("valid");
        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._)`${schemaCode} === false`);
        cxt.ok(valid);
        function validateUniqueItems() {
          const i = gen.let("i", (0, codegen_1._)`${data}.length`);
          const j = gen.let("j");
          cxt.setParams({ i, j });
          gen.assign(valid, true);
          gen.if((0, codegen_1._)`${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
        }
        function canOptimize() {
          return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
        }
        function loopN(i, j) {
          const item = gen.name("item");
          const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
          const indices = gen.const("indices", (0, codegen_1._)`{}`);
          gen.for((0, codegen_1._)`;${i}--;`, () => {
            gen.let(item, (0, codegen_1._)`${data}[${i}]`);
            gen.if(wrongType, (0, codegen_1._)`continue`);
            if (itemTypes.length > 1)
              gen.if((0, codegen_1._)`typeof ${item} == "string"`, (0, codegen_1._)`${item} += "_"`);
            gen.if((0, codegen_1._)`typeof ${indices}[${item}] == "number"`, () => {
              gen.assign(j, (0, codegen_1._)`${indices}[${item}]`);
              cxt.error();
              gen.assign(valid, false).break();
            }).code((0, codegen_1._)`${indices}[${item}] = ${i}`);
          });
        }
        function loopN2(i, j) {
          const eql = (0, util_1.useFunc)(gen, equal_1.default);
          const outer = gen.name("outer");
          gen.label(outer).for((0, codegen_1._)`;${i}--;`, () => gen.for((0, codegen_1._)`${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._)`${eql}(${data}[${i}], ${data}[${j}])`, () => {
            cxt.error();
            gen.assign(valid, false).break(outer);
          })));
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/const.js
var require_const = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/const.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to constant",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValue: ${schemaCode}}`
    };
    var def = {
      keyword: "const",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schemaCode, schema } = cxt;
        if ($data || schema && typeof schema == "object") {
          cxt.fail$data((0, codegen_1._)`!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
        } else {
          cxt.fail((0, codegen_1._)`${schema} !== ${data}`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/enum.js
var require_enum = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/enum.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to one of the allowed values",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValues: ${schemaCode}}`
    };
    var def = {
      keyword: "enum",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        if (!$data && schema.length === 0)
          throw new Error("enum must have non-empty array");
        const useLoop = schema.length >= it.opts.loopEnum;
        let eql;
        const getEql = () => eql !== null && eql !== void 0 ? eql : eql = (0, util_1.useFunc)(gen, equal_1.default);
        let valid;
        if (useLoop || $data) {
          valid = gen.let("valid");
          cxt.block$data(valid, loopEnum);
        } else {
          if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
          const vSchema = gen.const("vSchema", schemaCode);
          valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
        }
        cxt.pass(valid);
        function loopEnum() {
          gen.assign(valid, false);
          gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._)`${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
        }
        function equalCode(vSchema, i) {
          const sch = schema[i];
          return typeof sch === "object" && sch !== null ? (0, codegen_1._)`${getEql()}(${data}, ${vSchema}[${i}])` : (0, codegen_1._)`${data} === ${sch}`;
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/index.js
var require_validation = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var limitNumber_1 = require_limitNumber();
    var multipleOf_1 = require_multipleOf();
    var limitLength_1 = require_limitLength();
    var pattern_1 = require_pattern();
    var limitProperties_1 = require_limitProperties();
    var required_1 = require_required();
    var limitItems_1 = require_limitItems();
    var uniqueItems_1 = require_uniqueItems();
    var const_1 = require_const();
    var enum_1 = require_enum();
    var validation = [
      // number
      limitNumber_1.default,
      multipleOf_1.default,
      // string
      limitLength_1.default,
      pattern_1.default,
      // object
      limitProperties_1.default,
      required_1.default,
      // array
      limitItems_1.default,
      uniqueItems_1.default,
      // any
      { keyword: "type", schemaType: ["string", "array"] },
      { keyword: "nullable", schemaType: "boolean" },
      const_1.default,
      enum_1.default
    ];
    exports.default = validation;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalItems.js
var require_additionalItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateAdditionalItems = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "additionalItems",
      type: "array",
      schemaType: ["boolean", "object"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { parentSchema, it } = cxt;
        const { items } = parentSchema;
        if (!Array.isArray(items)) {
          (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
          return;
        }
        validateAdditionalItems(cxt, items);
      }
    };
    function validateAdditionalItems(cxt, items) {
      const { gen, schema, data, keyword, it } = cxt;
      it.items = true;
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      if (schema === false) {
        cxt.setParams({ len: items.length });
        cxt.pass((0, codegen_1._)`${len} <= ${items.length}`);
      } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
        const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items.length}`);
        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
        cxt.ok(valid);
      }
      function validateItems(valid) {
        gen.forRange("i", items.length, len, (i) => {
          cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
          if (!it.allErrors)
            gen.if((0, codegen_1.not)(valid), () => gen.break());
        });
      }
    }
    exports.validateAdditionalItems = validateAdditionalItems;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items.js
var require_items = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateTuple = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "array", "boolean"],
      before: "uniqueItems",
      code(cxt) {
        const { schema, it } = cxt;
        if (Array.isArray(schema))
          return validateTuple(cxt, "additionalItems", schema);
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    function validateTuple(cxt, extraItems, schArr = cxt.schema) {
      const { gen, parentSchema, data, keyword, it } = cxt;
      checkStrictTuple(parentSchema);
      if (it.opts.unevaluated && schArr.length && it.items !== true) {
        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
      }
      const valid = gen.name("valid");
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      schArr.forEach((sch, i) => {
        if ((0, util_1.alwaysValidSchema)(it, sch))
          return;
        gen.if((0, codegen_1._)`${len} > ${i}`, () => cxt.subschema({
          keyword,
          schemaProp: i,
          dataProp: i
        }, valid));
        cxt.ok(valid);
      });
      function checkStrictTuple(sch) {
        const { opts, errSchemaPath } = it;
        const l = schArr.length;
        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
        if (opts.strictTuples && !fullTuple) {
          const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
          (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
        }
      }
    }
    exports.validateTuple = validateTuple;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/prefixItems.js
var require_prefixItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/prefixItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var items_1 = require_items();
    var def = {
      keyword: "prefixItems",
      type: "array",
      schemaType: ["array"],
      before: "uniqueItems",
      code: (cxt) => (0, items_1.validateTuple)(cxt, "items")
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items2020.js
var require_items2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var additionalItems_1 = require_additionalItems();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { schema, parentSchema, it } = cxt;
        const { prefixItems } = parentSchema;
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        if (prefixItems)
          (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
        else
          cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/contains.js
var require_contains = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/contains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1.str)`must contain at least ${min} valid item(s)` : (0, codegen_1.str)`must contain at least ${min} and no more than ${max} valid item(s)`,
      params: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1._)`{minContains: ${min}}` : (0, codegen_1._)`{minContains: ${min}, maxContains: ${max}}`
    };
    var def = {
      keyword: "contains",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        let min;
        let max;
        const { minContains, maxContains } = parentSchema;
        if (it.opts.next) {
          min = minContains === void 0 ? 1 : minContains;
          max = maxContains;
        } else {
          min = 1;
        }
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        cxt.setParams({ min, max });
        if (max === void 0 && min === 0) {
          (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
          return;
        }
        if (max !== void 0 && min > max) {
          (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
          cxt.fail();
          return;
        }
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          let cond = (0, codegen_1._)`${len} >= ${min}`;
          if (max !== void 0)
            cond = (0, codegen_1._)`${cond} && ${len} <= ${max}`;
          cxt.pass(cond);
          return;
        }
        it.items = true;
        const valid = gen.name("valid");
        if (max === void 0 && min === 1) {
          validateItems(valid, () => gen.if(valid, () => gen.break()));
        } else if (min === 0) {
          gen.let(valid, true);
          if (max !== void 0)
            gen.if((0, codegen_1._)`${data}.length > 0`, validateItemsWithCount);
        } else {
          gen.let(valid, false);
          validateItemsWithCount();
        }
        cxt.result(valid, () => cxt.reset());
        function validateItemsWithCount() {
          const schValid = gen.name("_valid");
          const count = gen.let("count", 0);
          validateItems(schValid, () => gen.if(schValid, () => checkLimits(count)));
        }
        function validateItems(_valid, block) {
          gen.forRange("i", 0, len, (i) => {
            cxt.subschema({
              keyword: "contains",
              dataProp: i,
              dataPropType: util_1.Type.Num,
              compositeRule: true
            }, _valid);
            block();
          });
        }
        function checkLimits(count) {
          gen.code((0, codegen_1._)`${count}++`);
          if (max === void 0) {
            gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true).break());
          } else {
            gen.if((0, codegen_1._)`${count} > ${max}`, () => gen.assign(valid, false).break());
            if (min === 1)
              gen.assign(valid, true);
            else
              gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true));
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependencies.js
var require_dependencies = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependencies.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    exports.error = {
      message: ({ params: { property, depsCount, deps } }) => {
        const property_ies = depsCount === 1 ? "property" : "properties";
        return (0, codegen_1.str)`must have ${property_ies} ${deps} when property ${property} is present`;
      },
      params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._)`{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`
      // TODO change to reference
    };
    var def = {
      keyword: "dependencies",
      type: "object",
      schemaType: "object",
      error: exports.error,
      code(cxt) {
        const [propDeps, schDeps] = splitDependencies(cxt);
        validatePropertyDeps(cxt, propDeps);
        validateSchemaDeps(cxt, schDeps);
      }
    };
    function splitDependencies({ schema }) {
      const propertyDeps = {};
      const schemaDeps = {};
      for (const key in schema) {
        if (key === "__proto__")
          continue;
        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
        deps[key] = schema[key];
      }
      return [propertyDeps, schemaDeps];
    }
    function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
      const { gen, data, it } = cxt;
      if (Object.keys(propertyDeps).length === 0)
        return;
      const missing = gen.let("missing");
      for (const prop in propertyDeps) {
        const deps = propertyDeps[prop];
        if (deps.length === 0)
          continue;
        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
        cxt.setParams({
          property: prop,
          depsCount: deps.length,
          deps: deps.join(", ")
        });
        if (it.allErrors) {
          gen.if(hasProperty, () => {
            for (const depProp of deps) {
              (0, code_1.checkReportMissingProp)(cxt, depProp);
            }
          });
        } else {
          gen.if((0, codegen_1._)`${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
          (0, code_1.reportMissingProp)(cxt, missing);
          gen.else();
        }
      }
    }
    exports.validatePropertyDeps = validatePropertyDeps;
    function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      for (const prop in schemaDeps) {
        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
          continue;
        gen.if(
          (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties),
          () => {
            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
            cxt.mergeValidEvaluated(schCxt, valid);
          },
          () => gen.var(valid, true)
          // TODO var
        );
        cxt.ok(valid);
      }
    }
    exports.validateSchemaDeps = validateSchemaDeps;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/propertyNames.js
var require_propertyNames = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/propertyNames.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "property name must be valid",
      params: ({ params }) => (0, codegen_1._)`{propertyName: ${params.propertyName}}`
    };
    var def = {
      keyword: "propertyNames",
      type: "object",
      schemaType: ["object", "boolean"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        const valid = gen.name("valid");
        gen.forIn("key", data, (key) => {
          cxt.setParams({ propertyName: key });
          cxt.subschema({
            keyword: "propertyNames",
            data: key,
            dataTypes: ["string"],
            propertyName: key,
            compositeRule: true
          }, valid);
          gen.if((0, codegen_1.not)(valid), () => {
            cxt.error(true);
            if (!it.allErrors)
              gen.break();
          });
        });
        cxt.ok(valid);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js
var require_additionalProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var util_1 = require_util();
    var error = {
      message: "must NOT have additional properties",
      params: ({ params }) => (0, codegen_1._)`{additionalProperty: ${params.additionalProperty}}`
    };
    var def = {
      keyword: "additionalProperties",
      type: ["object"],
      schemaType: ["boolean", "object"],
      allowUndefined: true,
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, opts } = it;
        it.props = true;
        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
          return;
        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
        checkAdditionalProperties();
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function checkAdditionalProperties() {
          gen.forIn("key", data, (key) => {
            if (!props.length && !patProps.length)
              additionalPropertyCode(key);
            else
              gen.if(isAdditional(key), () => additionalPropertyCode(key));
          });
        }
        function isAdditional(key) {
          let definedProp;
          if (props.length > 8) {
            const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
            definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
          } else if (props.length) {
            definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._)`${key} === ${p}`));
          } else {
            definedProp = codegen_1.nil;
          }
          if (patProps.length) {
            definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._)`${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
          }
          return (0, codegen_1.not)(definedProp);
        }
        function deleteAdditional(key) {
          gen.code((0, codegen_1._)`delete ${data}[${key}]`);
        }
        function additionalPropertyCode(key) {
          if (opts.removeAdditional === "all" || opts.removeAdditional && schema === false) {
            deleteAdditional(key);
            return;
          }
          if (schema === false) {
            cxt.setParams({ additionalProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            if (opts.removeAdditional === "failing") {
              applyAdditionalSchema(key, valid, false);
              gen.if((0, codegen_1.not)(valid), () => {
                cxt.reset();
                deleteAdditional(key);
              });
            } else {
              applyAdditionalSchema(key, valid);
              if (!allErrors)
                gen.if((0, codegen_1.not)(valid), () => gen.break());
            }
          }
        }
        function applyAdditionalSchema(key, valid, errors) {
          const subschema = {
            keyword: "additionalProperties",
            dataProp: key,
            dataPropType: util_1.Type.Str
          };
          if (errors === false) {
            Object.assign(subschema, {
              compositeRule: true,
              createErrors: false,
              allErrors: false
            });
          }
          cxt.subschema(subschema, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/properties.js
var require_properties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/properties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var validate_1 = require_validate();
    var code_1 = require_code2();
    var util_1 = require_util();
    var additionalProperties_1 = require_additionalProperties();
    var def = {
      keyword: "properties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === void 0) {
          additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
        }
        const allProps = (0, code_1.allSchemaProperties)(schema);
        for (const prop of allProps) {
          it.definedProperties.add(prop);
        }
        if (it.opts.unevaluated && allProps.length && it.props !== true) {
          it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
        }
        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
        if (properties.length === 0)
          return;
        const valid = gen.name("valid");
        for (const prop of properties) {
          if (hasDefault(prop)) {
            applyPropertySchema(prop);
          } else {
            gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
            applyPropertySchema(prop);
            if (!it.allErrors)
              gen.else().var(valid, true);
            gen.endIf();
          }
          cxt.it.definedProperties.add(prop);
          cxt.ok(valid);
        }
        function hasDefault(prop) {
          return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== void 0;
        }
        function applyPropertySchema(prop) {
          cxt.subschema({
            keyword: "properties",
            schemaProp: prop,
            dataProp: prop
          }, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/patternProperties.js
var require_patternProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/patternProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var util_2 = require_util();
    var def = {
      keyword: "patternProperties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, data, parentSchema, it } = cxt;
        const { opts } = it;
        const patterns = (0, code_1.allSchemaProperties)(schema);
        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
        if (patterns.length === 0 || alwaysValidPatterns.length === patterns.length && (!it.opts.unevaluated || it.props === true)) {
          return;
        }
        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
        const valid = gen.name("valid");
        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
          it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
        }
        const { props } = it;
        validatePatternProperties();
        function validatePatternProperties() {
          for (const pat of patterns) {
            if (checkProperties)
              checkMatchingProperties(pat);
            if (it.allErrors) {
              validateProperties(pat);
            } else {
              gen.var(valid, true);
              validateProperties(pat);
              gen.if(valid);
            }
          }
        }
        function checkMatchingProperties(pat) {
          for (const prop in checkProperties) {
            if (new RegExp(pat).test(prop)) {
              (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
            }
          }
        }
        function validateProperties(pat) {
          gen.forIn("key", data, (key) => {
            gen.if((0, codegen_1._)`${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
              const alwaysValid = alwaysValidPatterns.includes(pat);
              if (!alwaysValid) {
                cxt.subschema({
                  keyword: "patternProperties",
                  schemaProp: pat,
                  dataProp: key,
                  dataPropType: util_2.Type.Str
                }, valid);
              }
              if (it.opts.unevaluated && props !== true) {
                gen.assign((0, codegen_1._)`${props}[${key}]`, true);
              } else if (!alwaysValid && !it.allErrors) {
                gen.if((0, codegen_1.not)(valid), () => gen.break());
              }
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/not.js
var require_not = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/not.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "not",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      code(cxt) {
        const { gen, schema, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          cxt.fail();
          return;
        }
        const valid = gen.name("valid");
        cxt.subschema({
          keyword: "not",
          compositeRule: true,
          createErrors: false,
          allErrors: false
        }, valid);
        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
      },
      error: { message: "must NOT be valid" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/anyOf.js
var require_anyOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/anyOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var def = {
      keyword: "anyOf",
      schemaType: "array",
      trackErrors: true,
      code: code_1.validateUnion,
      error: { message: "must match a schema in anyOf" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/oneOf.js
var require_oneOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/oneOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "must match exactly one schema in oneOf",
      params: ({ params }) => (0, codegen_1._)`{passingSchemas: ${params.passing}}`
    };
    var def = {
      keyword: "oneOf",
      schemaType: "array",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        if (it.opts.discriminator && parentSchema.discriminator)
          return;
        const schArr = schema;
        const valid = gen.let("valid", false);
        const passing = gen.let("passing", null);
        const schValid = gen.name("_valid");
        cxt.setParams({ passing });
        gen.block(validateOneOf);
        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
        function validateOneOf() {
          schArr.forEach((sch, i) => {
            let schCxt;
            if ((0, util_1.alwaysValidSchema)(it, sch)) {
              gen.var(schValid, true);
            } else {
              schCxt = cxt.subschema({
                keyword: "oneOf",
                schemaProp: i,
                compositeRule: true
              }, schValid);
            }
            if (i > 0) {
              gen.if((0, codegen_1._)`${schValid} && ${valid}`).assign(valid, false).assign(passing, (0, codegen_1._)`[${passing}, ${i}]`).else();
            }
            gen.if(schValid, () => {
              gen.assign(valid, true);
              gen.assign(passing, i);
              if (schCxt)
                cxt.mergeEvaluated(schCxt, codegen_1.Name);
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/allOf.js
var require_allOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/allOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "allOf",
      schemaType: "array",
      code(cxt) {
        const { gen, schema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        const valid = gen.name("valid");
        schema.forEach((sch, i) => {
          if ((0, util_1.alwaysValidSchema)(it, sch))
            return;
          const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
          cxt.ok(valid);
          cxt.mergeEvaluated(schCxt);
        });
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/if.js
var require_if = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/if.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params }) => (0, codegen_1.str)`must match "${params.ifClause}" schema`,
      params: ({ params }) => (0, codegen_1._)`{failingKeyword: ${params.ifClause}}`
    };
    var def = {
      keyword: "if",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, parentSchema, it } = cxt;
        if (parentSchema.then === void 0 && parentSchema.else === void 0) {
          (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
        }
        const hasThen = hasSchema(it, "then");
        const hasElse = hasSchema(it, "else");
        if (!hasThen && !hasElse)
          return;
        const valid = gen.let("valid", true);
        const schValid = gen.name("_valid");
        validateIf();
        cxt.reset();
        if (hasThen && hasElse) {
          const ifClause = gen.let("ifClause");
          cxt.setParams({ ifClause });
          gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
        } else if (hasThen) {
          gen.if(schValid, validateClause("then"));
        } else {
          gen.if((0, codegen_1.not)(schValid), validateClause("else"));
        }
        cxt.pass(valid, () => cxt.error(true));
        function validateIf() {
          const schCxt = cxt.subschema({
            keyword: "if",
            compositeRule: true,
            createErrors: false,
            allErrors: false
          }, schValid);
          cxt.mergeEvaluated(schCxt);
        }
        function validateClause(keyword, ifClause) {
          return () => {
            const schCxt = cxt.subschema({ keyword }, schValid);
            gen.assign(valid, schValid);
            cxt.mergeValidEvaluated(schCxt, valid);
            if (ifClause)
              gen.assign(ifClause, (0, codegen_1._)`${keyword}`);
            else
              cxt.setParams({ ifClause: keyword });
          };
        }
      }
    };
    function hasSchema(it, keyword) {
      const schema = it.schema[keyword];
      return schema !== void 0 && !(0, util_1.alwaysValidSchema)(it, schema);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/thenElse.js
var require_thenElse = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/thenElse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["then", "else"],
      schemaType: ["object", "boolean"],
      code({ keyword, parentSchema, it }) {
        if (parentSchema.if === void 0)
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/index.js
var require_applicator = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var additionalItems_1 = require_additionalItems();
    var prefixItems_1 = require_prefixItems();
    var items_1 = require_items();
    var items2020_1 = require_items2020();
    var contains_1 = require_contains();
    var dependencies_1 = require_dependencies();
    var propertyNames_1 = require_propertyNames();
    var additionalProperties_1 = require_additionalProperties();
    var properties_1 = require_properties();
    var patternProperties_1 = require_patternProperties();
    var not_1 = require_not();
    var anyOf_1 = require_anyOf();
    var oneOf_1 = require_oneOf();
    var allOf_1 = require_allOf();
    var if_1 = require_if();
    var thenElse_1 = require_thenElse();
    function getApplicator(draft2020 = false) {
      const applicator = [
        // any
        not_1.default,
        anyOf_1.default,
        oneOf_1.default,
        allOf_1.default,
        if_1.default,
        thenElse_1.default,
        // object
        propertyNames_1.default,
        additionalProperties_1.default,
        dependencies_1.default,
        properties_1.default,
        patternProperties_1.default
      ];
      if (draft2020)
        applicator.push(prefixItems_1.default, items2020_1.default);
      else
        applicator.push(additionalItems_1.default, items_1.default);
      applicator.push(contains_1.default);
      return applicator;
    }
    exports.default = getApplicator;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js
var require_dynamicAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dynamicAnchor = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicAnchor",
      schemaType: "string",
      code: (cxt) => dynamicAnchor(cxt, cxt.schema)
    };
    function dynamicAnchor(cxt, anchor) {
      const { gen, it } = cxt;
      it.schemaEnv.root.dynamicAnchors[anchor] = true;
      const v = (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`;
      const validate = it.errSchemaPath === "#" ? it.validateName : _getValidate(cxt);
      gen.if((0, codegen_1._)`!${v}`, () => gen.assign(v, validate));
    }
    exports.dynamicAnchor = dynamicAnchor;
    function _getValidate(cxt) {
      const { schemaEnv, schema, self } = cxt.it;
      const { root, baseId, localRefs, meta } = schemaEnv.root;
      const { schemaId } = self.opts;
      const sch = new compile_1.SchemaEnv({ schema, schemaId, root, baseId, localRefs, meta });
      compile_1.compileSchema.call(self, sch);
      return (0, ref_1.getValidate)(cxt, sch);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js
var require_dynamicRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dynamicRef = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicRef",
      schemaType: "string",
      code: (cxt) => dynamicRef(cxt, cxt.schema)
    };
    function dynamicRef(cxt, ref) {
      const { gen, keyword, it } = cxt;
      if (ref[0] !== "#")
        throw new Error(`"${keyword}" only supports hash fragment reference`);
      const anchor = ref.slice(1);
      if (it.allErrors) {
        _dynamicRef();
      } else {
        const valid = gen.let("valid", false);
        _dynamicRef(valid);
        cxt.ok(valid);
      }
      function _dynamicRef(valid) {
        if (it.schemaEnv.root.dynamicAnchors[anchor]) {
          const v = gen.let("_v", (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`);
          gen.if(v, _callRef(v, valid), _callRef(it.validateName, valid));
        } else {
          _callRef(it.validateName, valid)();
        }
      }
      function _callRef(validate, valid) {
        return valid ? () => gen.block(() => {
          (0, ref_1.callRef)(cxt, validate);
          gen.let(valid, true);
        }) : () => (0, ref_1.callRef)(cxt, validate);
      }
    }
    exports.dynamicRef = dynamicRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js
var require_recursiveAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var util_1 = require_util();
    var def = {
      keyword: "$recursiveAnchor",
      schemaType: "boolean",
      code(cxt) {
        if (cxt.schema)
          (0, dynamicAnchor_1.dynamicAnchor)(cxt, "");
        else
          (0, util_1.checkStrictMode)(cxt.it, "$recursiveAnchor: false is ignored");
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js
var require_recursiveRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicRef_1 = require_dynamicRef();
    var def = {
      keyword: "$recursiveRef",
      schemaType: "string",
      code: (cxt) => (0, dynamicRef_1.dynamicRef)(cxt, cxt.schema)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/index.js
var require_dynamic = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var dynamicRef_1 = require_dynamicRef();
    var recursiveAnchor_1 = require_recursiveAnchor();
    var recursiveRef_1 = require_recursiveRef();
    var dynamic = [dynamicAnchor_1.default, dynamicRef_1.default, recursiveAnchor_1.default, recursiveRef_1.default];
    exports.default = dynamic;
  }
});

// node_modules/ajv/dist/vocabularies/validation/dependentRequired.js
var require_dependentRequired = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/dependentRequired.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentRequired",
      type: "object",
      schemaType: "object",
      error: dependencies_1.error,
      code: (cxt) => (0, dependencies_1.validatePropertyDeps)(cxt)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js
var require_dependentSchemas = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentSchemas",
      type: "object",
      schemaType: "object",
      code: (cxt) => (0, dependencies_1.validateSchemaDeps)(cxt)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitContains.js
var require_limitContains = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitContains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["maxContains", "minContains"],
      type: "array",
      schemaType: "number",
      code({ keyword, parentSchema, it }) {
        if (parentSchema.contains === void 0) {
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "contains" is ignored`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/next.js
var require_next = __commonJS({
  "node_modules/ajv/dist/vocabularies/next.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependentRequired_1 = require_dependentRequired();
    var dependentSchemas_1 = require_dependentSchemas();
    var limitContains_1 = require_limitContains();
    var next = [dependentRequired_1.default, dependentSchemas_1.default, limitContains_1.default];
    exports.default = next;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js
var require_unevaluatedProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var error = {
      message: "must NOT have unevaluated properties",
      params: ({ params }) => (0, codegen_1._)`{unevaluatedProperty: ${params.unevaluatedProperty}}`
    };
    var def = {
      keyword: "unevaluatedProperties",
      type: "object",
      schemaType: ["boolean", "object"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, props } = it;
        if (props instanceof codegen_1.Name) {
          gen.if((0, codegen_1._)`${props} !== true`, () => gen.forIn("key", data, (key) => gen.if(unevaluatedDynamic(props, key), () => unevaluatedPropCode(key))));
        } else if (props !== true) {
          gen.forIn("key", data, (key) => props === void 0 ? unevaluatedPropCode(key) : gen.if(unevaluatedStatic(props, key), () => unevaluatedPropCode(key)));
        }
        it.props = true;
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function unevaluatedPropCode(key) {
          if (schema === false) {
            cxt.setParams({ unevaluatedProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (!(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            cxt.subschema({
              keyword: "unevaluatedProperties",
              dataProp: key,
              dataPropType: util_1.Type.Str
            }, valid);
            if (!allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          }
        }
        function unevaluatedDynamic(evaluatedProps, key) {
          return (0, codegen_1._)`!${evaluatedProps} || !${evaluatedProps}[${key}]`;
        }
        function unevaluatedStatic(evaluatedProps, key) {
          const ps = [];
          for (const p in evaluatedProps) {
            if (evaluatedProps[p] === true)
              ps.push((0, codegen_1._)`${key} !== ${p}`);
          }
          return (0, codegen_1.and)(...ps);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js
var require_unevaluatedItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "unevaluatedItems",
      type: "array",
      schemaType: ["boolean", "object"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        const items = it.items || 0;
        if (items === true)
          return;
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        if (schema === false) {
          cxt.setParams({ len: items });
          cxt.fail((0, codegen_1._)`${len} > ${items}`);
        } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
          const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items}`);
          gen.if((0, codegen_1.not)(valid), () => validateItems(valid, items));
          cxt.ok(valid);
        }
        it.items = true;
        function validateItems(valid, from) {
          gen.forRange("i", from, len, (i) => {
            cxt.subschema({ keyword: "unevaluatedItems", dataProp: i, dataPropType: util_1.Type.Num }, valid);
            if (!it.allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/index.js
var require_unevaluated = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var unevaluatedProperties_1 = require_unevaluatedProperties();
    var unevaluatedItems_1 = require_unevaluatedItems();
    var unevaluated = [unevaluatedProperties_1.default, unevaluatedItems_1.default];
    exports.default = unevaluated;
  }
});

// node_modules/ajv/dist/vocabularies/format/format.js
var require_format = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/format.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match format "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{format: ${schemaCode}}`
    };
    var def = {
      keyword: "format",
      type: ["number", "string"],
      schemaType: "string",
      $data: true,
      error,
      code(cxt, ruleType) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const { opts, errSchemaPath, schemaEnv, self } = it;
        if (!opts.validateFormats)
          return;
        if ($data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fDef = gen.const("fDef", (0, codegen_1._)`${fmts}[${schemaCode}]`);
          const fType = gen.let("fType");
          const format2 = gen.let("format");
          gen.if((0, codegen_1._)`typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._)`${fDef}.type || "string"`).assign(format2, (0, codegen_1._)`${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._)`"string"`).assign(format2, fDef));
          cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
          function unknownFmt() {
            if (opts.strictSchema === false)
              return codegen_1.nil;
            return (0, codegen_1._)`${schemaCode} && !${format2}`;
          }
          function invalidFmt() {
            const callFormat = schemaEnv.$async ? (0, codegen_1._)`(${fDef}.async ? await ${format2}(${data}) : ${format2}(${data}))` : (0, codegen_1._)`${format2}(${data})`;
            const validData = (0, codegen_1._)`(typeof ${format2} == "function" ? ${callFormat} : ${format2}.test(${data}))`;
            return (0, codegen_1._)`${format2} && ${format2} !== true && ${fType} === ${ruleType} && !${validData}`;
          }
        }
        function validateFormat() {
          const formatDef = self.formats[schema];
          if (!formatDef) {
            unknownFormat();
            return;
          }
          if (formatDef === true)
            return;
          const [fmtType, format2, fmtRef] = getFormat(formatDef);
          if (fmtType === ruleType)
            cxt.pass(validCondition());
          function unknownFormat() {
            if (opts.strictSchema === false) {
              self.logger.warn(unknownMsg());
              return;
            }
            throw new Error(unknownMsg());
            function unknownMsg() {
              return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
            }
          }
          function getFormat(fmtDef) {
            const code = fmtDef instanceof RegExp ? (0, codegen_1.regexpCode)(fmtDef) : opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(schema)}` : void 0;
            const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code });
            if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
              return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._)`${fmt}.validate`];
            }
            return ["string", fmtDef, fmt];
          }
          function validCondition() {
            if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
              if (!schemaEnv.$async)
                throw new Error("async format in sync schema");
              return (0, codegen_1._)`await ${fmtRef}(${data})`;
            }
            return typeof format2 == "function" ? (0, codegen_1._)`${fmtRef}(${data})` : (0, codegen_1._)`${fmtRef}.test(${data})`;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/format/index.js
var require_format2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var format_1 = require_format();
    var format2 = [format_1.default];
    exports.default = format2;
  }
});

// node_modules/ajv/dist/vocabularies/metadata.js
var require_metadata = __commonJS({
  "node_modules/ajv/dist/vocabularies/metadata.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.contentVocabulary = exports.metadataVocabulary = void 0;
    exports.metadataVocabulary = [
      "title",
      "description",
      "default",
      "deprecated",
      "readOnly",
      "writeOnly",
      "examples"
    ];
    exports.contentVocabulary = [
      "contentMediaType",
      "contentEncoding",
      "contentSchema"
    ];
  }
});

// node_modules/ajv/dist/vocabularies/draft2020.js
var require_draft2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/draft2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var dynamic_1 = require_dynamic();
    var next_1 = require_next();
    var unevaluated_1 = require_unevaluated();
    var format_1 = require_format2();
    var metadata_1 = require_metadata();
    var draft2020Vocabularies = [
      dynamic_1.default,
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(true),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary,
      next_1.default,
      unevaluated_1.default
    ];
    exports.default = draft2020Vocabularies;
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/types.js
var require_types = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DiscrError = void 0;
    var DiscrError;
    (function(DiscrError2) {
      DiscrError2["Tag"] = "tag";
      DiscrError2["Mapping"] = "mapping";
    })(DiscrError || (exports.DiscrError = DiscrError = {}));
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/index.js
var require_discriminator = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var types_1 = require_types();
    var compile_1 = require_compile();
    var ref_error_1 = require_ref_error();
    var util_1 = require_util();
    var error = {
      message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag ? `tag "${tagName}" must be string` : `value of tag "${tagName}" must be in oneOf`,
      params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._)`{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`
    };
    var def = {
      keyword: "discriminator",
      type: "object",
      schemaType: "object",
      error,
      code(cxt) {
        const { gen, data, schema, parentSchema, it } = cxt;
        const { oneOf } = parentSchema;
        if (!it.opts.discriminator) {
          throw new Error("discriminator: requires discriminator option");
        }
        const tagName = schema.propertyName;
        if (typeof tagName != "string")
          throw new Error("discriminator: requires propertyName");
        if (schema.mapping)
          throw new Error("discriminator: mapping is not supported");
        if (!oneOf)
          throw new Error("discriminator: requires oneOf keyword");
        const valid = gen.let("valid", false);
        const tag = gen.const("tag", (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(tagName)}`);
        gen.if((0, codegen_1._)`typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
        cxt.ok(valid);
        function validateMapping() {
          const mapping = getMapping();
          gen.if(false);
          for (const tagValue in mapping) {
            gen.elseIf((0, codegen_1._)`${tag} === ${tagValue}`);
            gen.assign(valid, applyTagSchema(mapping[tagValue]));
          }
          gen.else();
          cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
          gen.endIf();
        }
        function applyTagSchema(schemaProp) {
          const _valid = gen.name("valid");
          const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
          cxt.mergeEvaluated(schCxt, codegen_1.Name);
          return _valid;
        }
        function getMapping() {
          var _a;
          const oneOfMapping = {};
          const topRequired = hasRequired(parentSchema);
          let tagRequired = true;
          for (let i = 0; i < oneOf.length; i++) {
            let sch = oneOf[i];
            if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
              const ref = sch.$ref;
              sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
              if (sch instanceof compile_1.SchemaEnv)
                sch = sch.schema;
              if (sch === void 0)
                throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
            }
            const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
            if (typeof propSch != "object") {
              throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
            }
            tagRequired = tagRequired && (topRequired || hasRequired(sch));
            addMappings(propSch, i);
          }
          if (!tagRequired)
            throw new Error(`discriminator: "${tagName}" must be required`);
          return oneOfMapping;
          function hasRequired({ required }) {
            return Array.isArray(required) && required.includes(tagName);
          }
          function addMappings(sch, i) {
            if (sch.const) {
              addMapping(sch.const, i);
            } else if (sch.enum) {
              for (const tagValue of sch.enum) {
                addMapping(tagValue, i);
              }
            } else {
              throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
            }
          }
          function addMapping(tagValue, i) {
            if (typeof tagValue != "string" || tagValue in oneOfMapping) {
              throw new Error(`discriminator: "${tagName}" values must be unique strings`);
            }
            oneOfMapping[tagValue] = i;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/schema.json
var require_schema = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/schema.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/schema",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true,
        "https://json-schema.org/draft/2020-12/vocab/applicator": true,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true,
        "https://json-schema.org/draft/2020-12/vocab/validation": true,
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true,
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Core and Validation specifications meta-schema",
      allOf: [
        { $ref: "meta/core" },
        { $ref: "meta/applicator" },
        { $ref: "meta/unevaluated" },
        { $ref: "meta/validation" },
        { $ref: "meta/meta-data" },
        { $ref: "meta/format-annotation" },
        { $ref: "meta/content" }
      ],
      type: ["object", "boolean"],
      $comment: "This meta-schema also defines keywords that have appeared in previous drafts in order to prevent incompatible extensions as they remain in common use.",
      properties: {
        definitions: {
          $comment: '"definitions" has been replaced by "$defs".',
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          deprecated: true,
          default: {}
        },
        dependencies: {
          $comment: '"dependencies" has been split and replaced by "dependentSchemas" and "dependentRequired" in order to serve their differing semantics.',
          type: "object",
          additionalProperties: {
            anyOf: [{ $dynamicRef: "#meta" }, { $ref: "meta/validation#/$defs/stringArray" }]
          },
          deprecated: true,
          default: {}
        },
        $recursiveAnchor: {
          $comment: '"$recursiveAnchor" has been replaced by "$dynamicAnchor".',
          $ref: "meta/core#/$defs/anchorString",
          deprecated: true
        },
        $recursiveRef: {
          $comment: '"$recursiveRef" has been replaced by "$dynamicRef".',
          $ref: "meta/core#/$defs/uriReferenceString",
          deprecated: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json
var require_applicator2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/applicator",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/applicator": true
      },
      $dynamicAnchor: "meta",
      title: "Applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        prefixItems: { $ref: "#/$defs/schemaArray" },
        items: { $dynamicRef: "#meta" },
        contains: { $dynamicRef: "#meta" },
        additionalProperties: { $dynamicRef: "#meta" },
        properties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependentSchemas: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        propertyNames: { $dynamicRef: "#meta" },
        if: { $dynamicRef: "#meta" },
        then: { $dynamicRef: "#meta" },
        else: { $dynamicRef: "#meta" },
        allOf: { $ref: "#/$defs/schemaArray" },
        anyOf: { $ref: "#/$defs/schemaArray" },
        oneOf: { $ref: "#/$defs/schemaArray" },
        not: { $dynamicRef: "#meta" }
      },
      $defs: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $dynamicRef: "#meta" }
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json
var require_unevaluated2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/unevaluated",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true
      },
      $dynamicAnchor: "meta",
      title: "Unevaluated applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        unevaluatedItems: { $dynamicRef: "#meta" },
        unevaluatedProperties: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json
var require_content = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/content",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Content vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        contentEncoding: { type: "string" },
        contentMediaType: { type: "string" },
        contentSchema: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json
var require_core3 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/core",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true
      },
      $dynamicAnchor: "meta",
      title: "Core vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        $id: {
          $ref: "#/$defs/uriReferenceString",
          $comment: "Non-empty fragments not allowed.",
          pattern: "^[^#]*#?$"
        },
        $schema: { $ref: "#/$defs/uriString" },
        $ref: { $ref: "#/$defs/uriReferenceString" },
        $anchor: { $ref: "#/$defs/anchorString" },
        $dynamicRef: { $ref: "#/$defs/uriReferenceString" },
        $dynamicAnchor: { $ref: "#/$defs/anchorString" },
        $vocabulary: {
          type: "object",
          propertyNames: { $ref: "#/$defs/uriString" },
          additionalProperties: {
            type: "boolean"
          }
        },
        $comment: {
          type: "string"
        },
        $defs: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" }
        }
      },
      $defs: {
        anchorString: {
          type: "string",
          pattern: "^[A-Za-z_][-A-Za-z0-9._]*$"
        },
        uriString: {
          type: "string",
          format: "uri"
        },
        uriReferenceString: {
          type: "string",
          format: "uri-reference"
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json
var require_format_annotation = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/format-annotation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true
      },
      $dynamicAnchor: "meta",
      title: "Format vocabulary meta-schema for annotation results",
      type: ["object", "boolean"],
      properties: {
        format: { type: "string" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json
var require_meta_data = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/meta-data",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true
      },
      $dynamicAnchor: "meta",
      title: "Meta-data vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        deprecated: {
          type: "boolean",
          default: false
        },
        readOnly: {
          type: "boolean",
          default: false
        },
        writeOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json
var require_validation2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/validation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/validation": true
      },
      $dynamicAnchor: "meta",
      title: "Validation vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        type: {
          anyOf: [
            { $ref: "#/$defs/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/$defs/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        const: true,
        enum: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/$defs/nonNegativeInteger" },
        minLength: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        maxItems: { $ref: "#/$defs/nonNegativeInteger" },
        minItems: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        maxContains: { $ref: "#/$defs/nonNegativeInteger" },
        minContains: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 1
        },
        maxProperties: { $ref: "#/$defs/nonNegativeInteger" },
        minProperties: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        required: { $ref: "#/$defs/stringArray" },
        dependentRequired: {
          type: "object",
          additionalProperties: {
            $ref: "#/$defs/stringArray"
          }
        }
      },
      $defs: {
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 0
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/index.js
var require_json_schema_2020_12 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var metaSchema = require_schema();
    var applicator = require_applicator2();
    var unevaluated = require_unevaluated2();
    var content = require_content();
    var core = require_core3();
    var format2 = require_format_annotation();
    var metadata = require_meta_data();
    var validation = require_validation2();
    var META_SUPPORT_DATA = ["/properties"];
    function addMetaSchema2020($data) {
      ;
      [
        metaSchema,
        applicator,
        unevaluated,
        content,
        core,
        with$data(this, format2),
        metadata,
        with$data(this, validation)
      ].forEach((sch) => this.addMetaSchema(sch, void 0, false));
      return this;
      function with$data(ajv, sch) {
        return $data ? ajv.$dataMetaSchema(sch, META_SUPPORT_DATA) : sch;
      }
    }
    exports.default = addMetaSchema2020;
  }
});

// node_modules/ajv/dist/2020.js
var require__ = __commonJS({
  "node_modules/ajv/dist/2020.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv2020 = void 0;
    var core_1 = require_core();
    var draft2020_1 = require_draft2020();
    var discriminator_1 = require_discriminator();
    var json_schema_2020_12_1 = require_json_schema_2020_12();
    var META_SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema";
    var Ajv20202 = class extends core_1.default {
      constructor(opts = {}) {
        super({
          ...opts,
          dynamicRef: true,
          next: true,
          unevaluated: true
        });
      }
      _addVocabularies() {
        super._addVocabularies();
        draft2020_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        const { $data, meta } = this.opts;
        if (!meta)
          return;
        json_schema_2020_12_1.default.call(this, $data);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv2020 = Ajv20202;
    module.exports = exports = Ajv20202;
    module.exports.Ajv2020 = Ajv20202;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv20202;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// src/cli/runCli.ts
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { resolve as resolve4 } from "node:path";

// src/check/index.ts
import { resolve as resolve3 } from "node:path";

// src/policy/configLoader.ts
import { access, readFile as readFile2 } from "node:fs/promises";
import { dirname, join as join2, relative as relative2 } from "node:path";

// src/errors/inputError.ts
var InputError = class extends Error {
  file;
  /** JSON pointer or `line N`, whichever places the problem best. */
  place;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "InputError";
    this.file = options.file;
    this.place = options.place;
  }
  /** `plan.json: /resource_changes/3/change: expected an object` */
  toLine() {
    const where = [this.file, this.place].filter((p) => p !== void 0 && p !== "").join(": ");
    return where === "" ? this.message : `${where}: ${this.message}`;
  }
};
function errorMessage(error) {
  if (error instanceof InputError) return error.toLine();
  if (error instanceof Error) return error.message;
  return String(error);
}

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString2() {
    let result2 = "", start = pos;
    while (true) {
      if (pos >= len) {
        result2 += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result2 += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result2 += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result2 += '"';
            break;
          case 92:
            result2 += "\\";
            break;
          case 47:
            result2 += "/";
            break;
          case 98:
            result2 += "\b";
            break;
          case 102:
            result2 += "\f";
            break;
          case 110:
            result2 += "\n";
            break;
          case 114:
            result2 += "\r";
            break;
          case 116:
            result2 += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result2 += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result2 += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result2;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString2();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result2;
    do {
      result2 = scanNext();
    } while (result2 >= 12 && result2 <= 15);
    return result2;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep3, offset, length) => {
      if (currentParent.type === "property") {
        if (sep3 === ":") {
          currentParent.colonOffset = offset;
        } else if (sep3 === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  const result2 = currentParent.children[0];
  if (result2) {
    delete result2.parent;
  }
  return result2;
}
function findNodeAtLocation(root, path) {
  if (!root) {
    return void 0;
  }
  let node = root;
  for (let segment of path) {
    if (typeof segment === "string") {
      if (node.type !== "object" || !Array.isArray(node.children)) {
        return void 0;
      }
      let found = false;
      for (const propertyNode of node.children) {
        if (Array.isArray(propertyNode.children) && propertyNode.children[0].value === segment && propertyNode.children.length === 2) {
          node = propertyNode.children[1];
          found = true;
          break;
        }
      }
      if (!found) {
        return void 0;
      }
    } else {
      const index = segment;
      if (node.type !== "array" || index < 0 || !Array.isArray(node.children) || index >= node.children.length) {
        return void 0;
      }
      node = node.children[index];
    }
  }
  return node;
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/main.js
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parseTree2 = parseTree;
var findNodeAtLocation2 = findNodeAtLocation;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function printParseErrorCode(code) {
  switch (code) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}

// src/policy/jsonDocument.ts
function parseJsonDocument(text, file) {
  const lineStarts = computeLineStarts(text);
  const lineAt = (offset) => lineOfOffset(lineStarts, offset);
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    const errors = [];
    parseTree2(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (first === void 0) throw new InputError("is not valid JSON", { file });
    const line = lineAt(first.offset);
    const column = first.offset - lineStarts[line - 1] + 1;
    throw new InputError(`invalid JSON: ${describeParseError(printParseErrorCode(first.error))}`, { file, place: `line ${line}, column ${column}` });
  }
  let tree = null;
  return {
    file,
    value,
    lineOf(pointer) {
      tree ??= parseTree2(text, [], { disallowComments: true }) ?? null;
      if (tree === null) return 1;
      const path = pointerToPath(pointer);
      for (let n = path.length; n >= 0; n--) {
        const node = findNodeAtLocation2(tree, path.slice(0, n));
        if (node !== void 0) return lineAt(node.parent?.type === "property" ? node.parent.offset : node.offset);
      }
      return 1;
    }
  };
}
function describeParseError(code) {
  const words = {
    InvalidSymbol: "unexpected character",
    InvalidNumberFormat: "invalid number",
    PropertyNameExpected: "expected a property name",
    ValueExpected: "expected a value",
    ColonExpected: 'expected ":"',
    CommaExpected: 'expected ","',
    CloseBraceExpected: 'expected "}" (is the file truncated?)',
    CloseBracketExpected: 'expected "]" (is the file truncated?)',
    EndOfFileExpected: "unexpected content after the end",
    InvalidCommentToken: "comments are not allowed",
    UnexpectedEndOfComment: "unexpected end of comment",
    UnexpectedEndOfString: "unterminated string (is the file truncated?)",
    UnexpectedEndOfNumber: "unexpected end of number",
    InvalidUnicode: "invalid unicode escape",
    InvalidEscapeCharacter: "invalid escape character",
    InvalidCharacter: "invalid character in string"
  };
  return words[code] ?? code;
}
function pointerToPath(pointer) {
  if (pointer === "" || pointer === "/") return [];
  return pointer.slice(1).split("/").map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~")).map((segment) => /^\d+$/.test(segment) ? Number(segment) : segment);
}
function computeLineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}
function lineOfOffset(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

// src/policy/policyLoader.ts
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";

// policies/acl-allows-both-directions.json
var acl_allows_both_directions_default = {
  $schema: "../schema/policy.schema.json",
  policies: [
    {
      id: "acl-allows-both-directions",
      title: "The backend subnet's network ACL admits the flows and their replies",
      description: "Network ACLs are stateless: the backend subnet's ACL must admit each flow the CLB needs (clients or SNAT source, and health checks) inbound on the backend or health-check port, and admit the replies outbound to the source's ephemeral ports (params.ephemeralPorts, default 1024-65535).",
      severity: "error",
      subject: "backend",
      assert: {
        all: [
          {
            if: {
              all: [
                {
                  not: {
                    field: "lb.snat",
                    equals: true
                  }
                },
                {
                  not: {
                    field: "lb.snatPro",
                    equals: true
                  }
                }
              ]
            },
            then: {
              reachable: {
                from: [
                  "clients"
                ],
                ports: [
                  "backend.port"
                ],
                protocol: "listener",
                through: [
                  "networkAcl"
                ]
              }
            }
          },
          {
            if: {
              field: "lb.snat",
              equals: true
            },
            then: {
              reachable: {
                from: [
                  "lb.vips"
                ],
                ports: [
                  "backend.port"
                ],
                protocol: "listener",
                through: [
                  "networkAcl"
                ]
              }
            }
          },
          {
            if: {
              field: "lb.snatPro",
              equals: true
            },
            then: {
              reachable: {
                from: [
                  "snat.ips"
                ],
                ports: [
                  "backend.port"
                ],
                protocol: "listener",
                through: [
                  "networkAcl"
                ]
              }
            }
          },
          {
            if: {
              field: "healthCheck.enabled",
              notEquals: false
            },
            then: {
              reachable: {
                from: [
                  "healthCheck.source"
                ],
                ports: [
                  "healthCheck.port"
                ],
                protocol: "listener",
                through: [
                  "networkAcl"
                ]
              }
            }
          }
        ]
      },
      message: "The network ACL on the subnet of {{instance.name}} blocks traffic of {{lb.name}} ({{listener.protocol}}:{{listener.port}} \u2192 {{backend.port}}): refused {{refused}}.",
      remediation: "ACLs are stateless: admit the flow inbound and its replies outbound (service port \u2192 the client's ephemeral ports).",
      docs: "https://github.com/clb-guard/clb-guard/blob/main/docs/policies.md#acl-allows-both-directions"
    }
  ]
};

// policies/admin-port-not-public.json
var admin_port_not_public_default = {
  $schema: "../schema/policy.schema.json",
  policies: [
    {
      id: "admin-port-not-public",
      title: "SSH and RDP are not open to the internet",
      description: "Port 22 or 3389 admitted from 0.0.0.0/0 or ::/0 by a rule that covers the whole internet exposes the instance's admin service to everyone.",
      severity: "warning",
      subject: "instance",
      assert: {
        all: [
          {
            notReachable: {
              from: [
                "0.0.0.0/0"
              ],
              ports: [
                22,
                3389
              ],
              protocol: "TCP",
              through: [
                "securityGroups"
              ],
              byRuleCoveringSource: true
            }
          },
          {
            notReachable: {
              from: [
                "::/0"
              ],
              ports: [
                22,
                3389
              ],
              protocol: "TCP",
              through: [
                "securityGroups"
              ],
              byRuleCoveringSource: true
            }
          }
        ]
      },
      message: "{{instance.name}} admits {{admitted}}.",
      remediation: "Restrict the admin ports to the admin networks (params.adminCidrs), a bastion host or a VPN range.",
      docs: "https://github.com/clb-guard/clb-guard/blob/main/docs/policies.md#admin-port-not-public"
    }
  ]
};

// policies/admin-port-reachable.json
var admin_port_reachable_default = {
  $schema: "../schema/policy.schema.json",
  policies: [
    {
      id: "admin-port-reachable",
      title: "Admin networks can reach SSH or RDP",
      description: "Linux instances are administered on 22 and Windows on 3389. When params.adminCidrs is set, the admin networks should reach that port. Off while adminCidrs is empty.",
      severity: "notice",
      subject: "instance",
      where: {
        field: "params.adminCidrs",
        exists: true
      },
      assert: {
        all: [
          {
            if: {
              field: "instance.os",
              equals: "linux"
            },
            then: {
              reachable: {
                from: [
                  "params.adminCidrs"
                ],
                ports: [
                  22
                ],
                protocol: "TCP",
                through: [
                  "securityGroups"
                ]
              }
            }
          },
          {
            if: {
              field: "instance.os",
              equals: "windows"
            },
            then: {
              reachable: {
                from: [
                  "params.adminCidrs"
                ],
                ports: [
                  3389
                ],
                protocol: "TCP",
                through: [
                  "securityGroups"
                ]
              }
            }
          }
        ]
      },
      message: "The admin networks cannot reach {{instance.name}} ({{instance.os}}) on its admin port: refused {{refused}}.",
      remediation: "Admit params.adminCidrs on 22 (Linux) or 3389 (Windows).",
      docs: "https://github.com/clb-guard/clb-guard/blob/main/docs/policies.md#admin-port-reachable"
    }
  ]
};

// policies/backend-allows-clients.json
var backend_allows_clients_default = {
  $schema: "../schema/policy.schema.json",
  policies: [
    {
      id: "backend-allows-clients",
      title: "Backend security groups admit every client",
      description: "With pass-to-target off, traffic through the CLB is checked by the backend's security groups too, and the backend sees the real client address (L4 and L7). Every client address must be admitted on the backend port. Public CLBs serve 0.0.0.0/0; private CLBs serve their VPC unless params.clientCidrs says otherwise. A narrower DROP placed before the broad ACCEPT (a deny list) is deliberate and not a failure.",
      severity: "error",
      subject: "backend",
      where: {
        all: [
          {
            field: "lb.passToTargetEffective",
            equals: false
          },
          {
            not: {
              field: "lb.snat",
              equals: true
            }
          }
        ]
      },
      assert: {
        reachable: {
          from: [
            "clients"
          ],
          ports: [
            "backend.port"
          ],
          protocol: "listener",
          through: [
            "securityGroups"
          ],
          allowDeliberateDrops: true
        }
      },
      message: "{{instance.name}} does not admit clients of {{lb.name}} ({{listener.protocol}}:{{listener.port}} \u2192 {{backend.port}}): refused {{refused}}.",
      remediation: "Admit the clients on the backend port in the backend's first security group, or turn on load_balancer_pass_to_target to let the CLB's own security groups do the filtering.",
      docs: "https://github.com/clb-guard/clb-guard/blob/main/docs/policies.md#backend-allows-clients"
    }
  ]
};

// policies/backend-allows-health-check.json
var backend_allows_health_check_default = {
  $schema: "../schema/policy.schema.json",
  policies: [
    {
      id: "backend-allows-health-check",
      title: "Backend security groups admit the health checks",
      description: "When health checks are on, the health-check port (health_check_port on TCP/UDP listeners, otherwise the backend port) must be admitted from the health-check source: the VIP (source IP type 0) or 100.64.0.0/10 (type 1, which the platform allowlists for same-account backends unless params.healthCheckRangeAllowlisted is false). UDP health checks use ICMP too. If every backend fails its health check, the CLB marks them all unhealthy.",
      severity: "error",
      subject: "backend",
      where: {
        all: [
          {
            field: "healthCheck.enabled",
            notEquals: false
          },
          {
            field: "lb.passToTargetEffective",
            equals: false
          },
          {
            field: "healthCheck.sourceAllowlisted",
            equals: false
          }
        ]
      },
      assert: {
        all: [
          {
            reachable: {
              from: [
                "healthCheck.source"
              ],
              ports: [
                "healthCheck.port"
              ],
              protocol: "listener",
              through: [
                "securityGroups"
              ]
            }
          },
          {
            if: {
              field: "listener.transport",
              equals: "UDP"
            },
            then: {
              reachable: {
                from: [
                  "healthCheck.source"
                ],
                protocol: "ICMP",
                through: [
                  "securityGroups"
                ]
              }
            }
          }
        ]
      },
      message: "{{instance.name}} refuses health checks of {{lb.name}} ({{listener.protocol}}:{{listener.port}}, probes to port {{healthCheck.port}}): refused {{refused}}.",
      remediation: "Admit the health-check source on the health-check port, or point health_check_port at a port that is already admitted.",
      docs: "https://github.com/clb-guard/clb-guard/blob/main/docs/policies.md#backend-allows-health-check"
    }
  ]
};

// policies/backend-allows-vip.json
var backend_allows_vip_default = {
  $schema: "../schema/policy.schema.json",
  policies: [
    {
      id: "backend-allows-vip",
      title: "Backend security groups admit the CLB VIP",
      description: "With pass-to-target off, the backend security groups must admit the CLB's VIP on the backend port, for public CLBs and private VPC CLBs alike (Tencent's backend security-group guidance).",
      severity: "error",
      subject: "backend",
      where: {
        all: [
          {
            field: "lb.passToTargetEffective",
            equals: false
          }
        ]
      },
      assert: {
        reachable: {
          from: [
            "lb.vips"
          ],
          ports: [
            "backend.port"
          ],
          protocol: "listener",
          through: [
            "securityGroups"
          ]
        }
      },
      message: "{{instance.name}} does not admit {{lb.vipText}} on {{backend.port}}: refused {{refused}}.",
      remediation: "Add an ACCEPT for the CLB VIP (a private CLB's VIP comes from its subnet) on the backend port.",
      docs: "https://github.com/clb-guard/clb-guard/blob/main/docs/policies.md#backend-allows-vip"
    }
  ]
};

// policies/deny-before-allow.json
var deny_before_allow_default = {
  $schema: "../schema/policy.schema.json",
  policies: [
    {
      id: "deny-before-allow",
      title: "DROP rules come before the ACCEPT rules they are meant to limit",
      description: "Security-group rules are evaluated in order across an instance's groups (in their priority order); the first match wins. A DROP placed after an ACCEPT that already admits the same traffic never takes effect, so the deny list protects nothing.",
      severity: "error",
      subject: "securityGroup",
      assert: {
        noIneffectiveDeny: {
          direction: "ingress"
        }
      },
      message: "Rule {{denyIndex}} ({{denyRule}}) in {{sg.name}} {{extent}}: {{shadowingRule}} admits {{overlap}} first.",
      remediation: "Move the DROP above the ACCEPT that shadows it.",
      docs: "https://github.com/clb-guard/clb-guard/blob/main/docs/policies.md#deny-before-allow"
    }
  ]
};

// policies/deny-bypassed-by-pass-to-target.json
var deny_bypassed_by_pass_to_target_default = {
  $schema: "../schema/policy.schema.json",
  policies: [
    {
      id: "deny-bypassed-by-pass-to-target",
      title: "Backend DROP rules are bypassed by pass-to-target",
      description: "With load_balancer_pass_to_target on, the backend's security groups are not evaluated for traffic that comes through the CLB: a backend DROP on the backend port cannot stop CLB traffic. Put the block in the CLB's own security groups.",
      severity: "warning",
      subject: "backend",
      where: {
        field: "lb.passToTargetEffective",
        equals: true
      },
      assert: {
        denyEffectiveForLoadBalancerTraffic: {}
      },
      message: "{{denyRule}} cannot stop traffic through {{lb.name}}: the CLB passes traffic to its targets without checking backend security groups, and {{carried}}.",
      remediation: "Carry the block in the CLB's security group.",
      docs: "https://github.com/clb-guard/clb-guard/blob/main/docs/policies.md#deny-bypassed-by-pass-to-target"
    }
  ]
};

// policies/lb-sg-allows-listeners.json
var lb_sg_allows_listeners_default = {
  $schema: "../schema/policy.schema.json",
  policies: [
    {
      id: "lb-sg-allows-listeners",
      title: "The CLB's security groups admit clients on its listener ports",
      description: "If a CLB has security groups, they must admit the clients (params.clientCidrs, default: 0.0.0.0/0 for public CLBs, the VPC for private ones) on every listener port, or the listener is unreachable. A narrower DROP before the broad ACCEPT is a deliberate block and passes. For a deliberately restricted listener, set clientCidrs for this policy or add an exception.",
      severity: "error",
      subject: "listener",
      where: {
        field: "lb.securityGroups",
        exists: true
      },
      assert: {
        reachable: {
          from: [
            "clients"
          ],
          ports: [
            "listener.port"
          ],
          protocol: "listener",
          through: [
            "loadBalancerSecurityGroups"
          ],
          allowDeliberateDrops: true
        }
      },
      message: "The security groups of {{lb.name}} do not admit clients on {{listener.protocol}}:{{listener.port}}: refused {{refused}}.",
      remediation: "Admit the clients on the listener port in the CLB's security group, or declare the intended client range with params.clientCidrs.",
      docs: "https://github.com/clb-guard/clb-guard/blob/main/docs/policies.md#lb-sg-allows-listeners"
    }
  ]
};

// policies/snat-source-allowed.json
var snat_source_allowed_default = {
  $schema: "../schema/policy.schema.json",
  policies: [
    {
      id: "snat-source-allowed",
      title: "Backend security groups admit the SNAT source",
      description: "With legacy SNAT (classic private CLBs) the backend sees the VIP as the source; with SnatPro / SNAT IPs (cross-region binding 2.0, hybrid cloud) it sees the SNAT IPs. Those sources must be admitted on the backend port.",
      severity: "error",
      subject: "backend",
      where: {
        any: [
          {
            field: "lb.snat",
            equals: true
          },
          {
            field: "lb.snatPro",
            equals: true
          }
        ]
      },
      assert: {
        all: [
          {
            if: {
              field: "lb.snat",
              equals: true
            },
            then: {
              reachable: {
                from: [
                  "lb.vips"
                ],
                ports: [
                  "backend.port"
                ],
                protocol: "listener",
                through: [
                  "securityGroups"
                ]
              }
            }
          },
          {
            if: {
              field: "lb.snatPro",
              equals: true
            },
            then: {
              reachable: {
                from: [
                  "snat.ips"
                ],
                ports: [
                  "backend.port"
                ],
                protocol: "listener",
                through: [
                  "securityGroups"
                ]
              }
            }
          }
        ]
      },
      message: "{{instance.name}} does not admit the SNAT source of {{lb.name}} on {{backend.port}}: refused {{refused}}.",
      remediation: "Admit the SNAT IPs (or, for legacy SNAT, the VIP) on the backend port.",
      docs: "https://github.com/clb-guard/clb-guard/blob/main/docs/policies.md#snat-source-allowed"
    }
  ]
};

// src/policy/builtinPack.ts
var BUILTIN_POLICY_FILES = [
  { name: "policies/acl-allows-both-directions.json", document: acl_allows_both_directions_default },
  { name: "policies/admin-port-not-public.json", document: admin_port_not_public_default },
  { name: "policies/admin-port-reachable.json", document: admin_port_reachable_default },
  { name: "policies/backend-allows-clients.json", document: backend_allows_clients_default },
  { name: "policies/backend-allows-health-check.json", document: backend_allows_health_check_default },
  { name: "policies/backend-allows-vip.json", document: backend_allows_vip_default },
  { name: "policies/deny-before-allow.json", document: deny_before_allow_default },
  { name: "policies/deny-bypassed-by-pass-to-target.json", document: deny_bypassed_by_pass_to_target_default },
  { name: "policies/lb-sg-allows-listeners.json", document: lb_sg_allows_listeners_default },
  { name: "policies/snat-source-allowed.json", document: snat_source_allowed_default }
];

// src/policy/schemaValidation.ts
var import__ = __toESM(require__(), 1);

// schema/config.schema.json
var config_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://github.com/clb-guard/clb-guard/schema/config.schema.json",
  title: "clb-guard configuration (.clb-guard.json)",
  type: "object",
  additionalProperties: false,
  properties: {
    $schema: {
      type: "string"
    },
    include: {
      description: "Policy files or directories to load besides the built-in pack, relative to this file.",
      type: "array",
      maxItems: 100,
      items: {
        type: "string",
        minLength: 1,
        maxLength: 500
      }
    },
    policies: {
      description: 'Per-policy settings: "off", a severity, or { severity, params }.',
      type: "object",
      maxProperties: 500,
      propertyNames: {
        pattern: "^[a-z0-9][a-z0-9-]{1,63}$"
      },
      additionalProperties: {
        if: {
          type: "string"
        },
        then: {
          enum: [
            "off",
            "error",
            "warning",
            "notice"
          ]
        },
        else: {
          type: "object",
          additionalProperties: false,
          minProperties: 1,
          properties: {
            severity: {
              enum: [
                "off",
                "error",
                "warning",
                "notice"
              ]
            },
            params: {
              $ref: "policy.schema.json#/$defs/params"
            }
          }
        }
      }
    },
    params: {
      description: "Parameters for every policy: clientCidrs, adminCidrs, ephemeralPorts, healthCheckRangeAllowlisted, defaultHealthCheckSource.",
      $ref: "policy.schema.json#/$defs/params"
    },
    exceptions: {
      type: "array",
      maxItems: 1e3,
      items: {
        type: "object",
        required: [
          "policy",
          "resource",
          "reason",
          "expires"
        ],
        additionalProperties: false,
        properties: {
          policy: {
            type: "string",
            pattern: "^[a-z0-9][a-z0-9-]{1,63}$"
          },
          resource: {
            type: "string",
            minLength: 1,
            maxLength: 300,
            description: "Terraform address or cloud ID; * and ? are wildcards."
          },
          reason: {
            type: "string",
            minLength: 3,
            maxLength: 1e3
          },
          expires: {
            type: "string",
            pattern: "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$",
            description: "YYYY-MM-DD; the exception stops applying after that day."
          }
        }
      }
    }
  }
};

// schema/policy.schema.json
var policy_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://github.com/clb-guard/clb-guard/schema/policy.schema.json",
  title: "clb-guard policy file",
  description: "Policies that clb-guard evaluates against load balancers, listeners, backends, instances, security groups and network ACLs.",
  type: "object",
  required: [
    "policies"
  ],
  additionalProperties: false,
  properties: {
    $schema: {
      type: "string"
    },
    policies: {
      type: "array",
      minItems: 1,
      maxItems: 500,
      items: {
        $ref: "#/$defs/policy"
      }
    }
  },
  $defs: {
    policy: {
      type: "object",
      required: [
        "id",
        "title",
        "description",
        "severity",
        "subject",
        "assert",
        "message"
      ],
      additionalProperties: false,
      properties: {
        id: {
          type: "string",
          pattern: "^[a-z0-9][a-z0-9-]{1,63}$",
          description: "Stable identifier, lower-case words joined by dashes."
        },
        title: {
          type: "string",
          minLength: 1,
          maxLength: 200
        },
        description: {
          type: "string",
          minLength: 1,
          maxLength: 4e3
        },
        severity: {
          $ref: "#/$defs/severity"
        },
        subject: {
          enum: [
            "loadBalancer",
            "listener",
            "backend",
            "instance",
            "securityGroup",
            "networkAcl"
          ]
        },
        where: {
          $ref: "#/$defs/condition"
        },
        assert: {
          $ref: "#/$defs/assertion"
        },
        message: {
          type: "string",
          minLength: 1,
          maxLength: 2e3,
          description: "Template: {{field}} is replaced by the subject's field."
        },
        remediation: {
          type: "string",
          maxLength: 4e3
        },
        docs: {
          type: "string",
          maxLength: 2e3
        },
        params: {
          $ref: "#/$defs/params"
        }
      }
    },
    severity: {
      enum: [
        "error",
        "warning",
        "notice"
      ]
    },
    params: {
      type: "object",
      maxProperties: 50,
      propertyNames: {
        pattern: "^[A-Za-z][A-Za-z0-9]{0,63}$"
      },
      additionalProperties: {
        type: [
          "string",
          "number",
          "boolean",
          "array"
        ],
        maxLength: 500,
        maxItems: 1e3,
        items: {
          type: "string",
          maxLength: 100
        }
      }
    },
    fieldPath: {
      type: "string",
      pattern: "^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*){0,3}$"
    },
    scalar: {
      type: [
        "string",
        "number",
        "boolean",
        "null"
      ]
    },
    condition: {
      description: "A condition: {field, equals|notEquals|in|exists|inCidr|greaterThan|lessThan} or all / any / not.",
      if: {
        type: "object",
        required: [
          "all"
        ]
      },
      then: {
        type: "object",
        required: [
          "all"
        ],
        additionalProperties: false,
        properties: {
          all: {
            type: "array",
            minItems: 1,
            maxItems: 50,
            items: {
              $ref: "#/$defs/condition"
            }
          }
        }
      },
      else: {
        if: {
          type: "object",
          required: [
            "any"
          ]
        },
        then: {
          type: "object",
          required: [
            "any"
          ],
          additionalProperties: false,
          properties: {
            any: {
              type: "array",
              minItems: 1,
              maxItems: 50,
              items: {
                $ref: "#/$defs/condition"
              }
            }
          }
        },
        else: {
          if: {
            type: "object",
            required: [
              "not"
            ]
          },
          then: {
            type: "object",
            required: [
              "not"
            ],
            additionalProperties: false,
            properties: {
              not: {
                $ref: "#/$defs/condition"
              }
            }
          },
          else: {
            type: "object",
            required: [
              "field"
            ],
            additionalProperties: false,
            minProperties: 2,
            maxProperties: 2,
            properties: {
              field: {
                $ref: "#/$defs/fieldPath"
              },
              equals: {
                $ref: "#/$defs/scalar"
              },
              notEquals: {
                $ref: "#/$defs/scalar"
              },
              in: {
                type: "array",
                minItems: 1,
                maxItems: 100,
                items: {
                  $ref: "#/$defs/scalar"
                }
              },
              exists: {
                type: "boolean"
              },
              inCidr: {
                type: [
                  "string",
                  "array"
                ],
                maxLength: 50,
                minItems: 1,
                maxItems: 100,
                items: {
                  type: "string",
                  maxLength: 50
                }
              },
              greaterThan: {
                type: "number"
              },
              lessThan: {
                type: "number"
              }
            }
          }
        }
      }
    },
    flow: {
      type: "object",
      required: [
        "from",
        "through"
      ],
      properties: {
        from: {
          type: "array",
          minItems: 1,
          maxItems: 100,
          items: {
            type: "string",
            minLength: 1,
            maxLength: 100
          }
        },
        ports: {
          type: "array",
          minItems: 1,
          maxItems: 100,
          items: {
            type: [
              "string",
              "integer"
            ],
            minLength: 1,
            maxLength: 100,
            minimum: 0,
            maximum: 65535
          }
        },
        protocol: {
          type: "string",
          pattern: "^(listener|TCP|UDP|ICMP|ICMPV6|GRE|tcp|udp|icmp|icmpv6|gre)$"
        },
        through: {
          type: "array",
          minItems: 1,
          uniqueItems: true,
          items: {
            enum: [
              "securityGroups",
              "networkAcl",
              "loadBalancerSecurityGroups"
            ]
          }
        }
      }
    },
    assertion: {
      description: "An assertion: all, if/then, reachable, notReachable, noIneffectiveDeny, denyEffectiveForLoadBalancerTraffic or check.",
      if: {
        type: "object",
        required: [
          "all"
        ]
      },
      then: {
        type: "object",
        required: [
          "all"
        ],
        additionalProperties: false,
        properties: {
          all: {
            type: "array",
            minItems: 1,
            maxItems: 50,
            items: {
              $ref: "#/$defs/assertion"
            }
          }
        }
      },
      else: {
        if: {
          type: "object",
          required: [
            "if"
          ]
        },
        then: {
          type: "object",
          required: [
            "if",
            "then"
          ],
          additionalProperties: false,
          properties: {
            if: {
              $ref: "#/$defs/condition"
            },
            then: {
              $ref: "#/$defs/assertion"
            }
          }
        },
        else: {
          if: {
            type: "object",
            required: [
              "reachable"
            ]
          },
          then: {
            type: "object",
            required: [
              "reachable"
            ],
            additionalProperties: false,
            properties: {
              reachable: {
                allOf: [
                  {
                    $ref: "#/$defs/flow"
                  }
                ],
                properties: {
                  from: true,
                  ports: true,
                  protocol: true,
                  through: true,
                  allowDeliberateDrops: {
                    type: "boolean"
                  }
                },
                unevaluatedProperties: false
              }
            }
          },
          else: {
            if: {
              type: "object",
              required: [
                "notReachable"
              ]
            },
            then: {
              type: "object",
              required: [
                "notReachable"
              ],
              additionalProperties: false,
              properties: {
                notReachable: {
                  allOf: [
                    {
                      $ref: "#/$defs/flow"
                    }
                  ],
                  properties: {
                    from: true,
                    ports: true,
                    protocol: true,
                    through: true,
                    byRuleCoveringSource: {
                      type: "boolean"
                    }
                  },
                  unevaluatedProperties: false
                }
              }
            },
            else: {
              if: {
                type: "object",
                required: [
                  "noIneffectiveDeny"
                ]
              },
              then: {
                type: "object",
                required: [
                  "noIneffectiveDeny"
                ],
                additionalProperties: false,
                properties: {
                  noIneffectiveDeny: {
                    type: "object",
                    additionalProperties: false,
                    properties: {
                      direction: {
                        enum: [
                          "ingress",
                          "egress"
                        ]
                      }
                    }
                  }
                }
              },
              else: {
                if: {
                  type: "object",
                  required: [
                    "denyEffectiveForLoadBalancerTraffic"
                  ]
                },
                then: {
                  type: "object",
                  required: [
                    "denyEffectiveForLoadBalancerTraffic"
                  ],
                  additionalProperties: false,
                  properties: {
                    denyEffectiveForLoadBalancerTraffic: {
                      type: "object",
                      additionalProperties: false
                    }
                  }
                },
                else: {
                  if: {
                    type: "object",
                    required: [
                      "check"
                    ]
                  },
                  then: {
                    type: "object",
                    required: [
                      "check"
                    ],
                    additionalProperties: false,
                    properties: {
                      check: {
                        $ref: "#/$defs/condition"
                      }
                    }
                  },
                  else: {
                    type: "object",
                    not: {},
                    description: "expected one of: all, if/then, reachable, notReachable, noIneffectiveDeny, denyEffectiveForLoadBalancerTraffic, check"
                  }
                }
              }
            }
          }
        }
      }
    }
  }
};

// src/policy/schemaValidation.ts
function formatProblem(problem) {
  return `${problem.file}:${problem.line}: ${problem.pointer === "" ? "/" : problem.pointer}: ${problem.message}`;
}
var validators;
function compiled() {
  if (validators === void 0) {
    const ajv = new import__.Ajv2020({ allErrors: true, allowUnionTypes: true, strictTypes: false, verbose: true });
    ajv.addSchema(policy_schema_default);
    validators = { policy: ajv.getSchema(policy_schema_default.$id), config: ajv.compile(config_schema_default) };
  }
  return validators;
}
function validatePolicyDocument(doc) {
  return problemsOf(doc, compiled().policy);
}
function validateConfigDocument(doc) {
  return problemsOf(doc, compiled().config);
}
function problemsOf(doc, validate) {
  if (validate(doc.value)) return [];
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const error of validate.errors ?? []) {
    if (error.keyword === "if") continue;
    const pointer = pointerOf(error);
    const message = messageOf(error);
    const key = `${pointer}\0${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file: doc.file, line: doc.lineOf(pointer), pointer, message });
  }
  return out;
}
function pointerOf(error) {
  const extra = error.params;
  const property = extra.additionalProperty ?? extra.unevaluatedProperty;
  if (property !== void 0) return `${error.instancePath}/${property.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  return error.instancePath;
}
function messageOf(error) {
  const params = error.params;
  switch (error.keyword) {
    case "required":
      return `missing required property "${String(params.missingProperty)}"`;
    case "additionalProperties":
      return `unknown property "${String(params.additionalProperty)}"`;
    case "unevaluatedProperties":
      return `unknown property "${String(params.unevaluatedProperty)}"`;
    case "enum":
      return `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
    case "type":
      return `must be ${String(params.type).replace(/,/g, " or ")}`;
    case "pattern":
      return `does not match the expected format ${String(params.pattern)}`;
    case "not":
      return error.parentSchema?.description ?? "is not allowed here";
    case "minProperties":
    case "maxProperties":
      return error.schemaPath.includes("/else") && params.limit === 2 ? 'a field condition names "field" and exactly one comparison' : error.message ?? "invalid";
    default:
      return error.message ?? "invalid";
  }
}

// src/policy/policyLoader.ts
var PolicyProblems = class extends InputError {
  constructor(problems) {
    super(problems.map(formatProblem).join("\n"));
    this.problems = problems;
  }
  problems;
  toLine() {
    return this.message;
  }
};
function builtinPolicies() {
  return BUILTIN_POLICY_FILES.map(({ name, document }) => ({ file: "builtin", policies: document.policies, name }));
}
async function readPolicyFiles(paths, cwd) {
  const files = [];
  const problems = [];
  for (const path of paths) {
    const full = join(cwd, path);
    let info;
    try {
      info = await stat(full);
    } catch {
      problems.push({ file: path, line: 1, pointer: "", message: "policy file or directory not found" });
      continue;
    }
    if (info.isDirectory()) {
      const names = (await readdir(full)).filter((n) => n.endsWith(".json")).sort();
      files.push(...names.map((n) => join(full, n)));
    } else files.push(full);
  }
  const sources = [];
  for (const full of files) {
    const display = relative(cwd, full) || full;
    const text = await readFile(full, "utf8");
    let doc;
    try {
      doc = parseJsonDocument(text, display);
    } catch (error) {
      if (error instanceof InputError) {
        problems.push({ file: display, line: Number(/line (\d+)/.exec(error.place ?? "")?.[1] ?? 1), pointer: "", message: error.message });
        continue;
      }
      throw error;
    }
    const found = validatePolicyDocument(doc);
    if (found.length > 0) problems.push(...found);
    else sources.push({ file: display, policies: doc.value.policies });
  }
  return { sources, problems };
}
function resolvePolicies(sources, config, configFile) {
  const problems = [];
  const seen = /* @__PURE__ */ new Map();
  const policies = [];
  const globalParams = config.params ?? {};
  for (const source of sources) {
    for (const policy of source.policies) {
      const previous = seen.get(policy.id);
      if (previous !== void 0) {
        problems.push({ file: source.file, line: 1, pointer: `/policies`, message: `policy id "${policy.id}" is already defined in ${previous}` });
        continue;
      }
      seen.set(policy.id, source.file);
      const setting = config.policies?.[policy.id];
      const severity = severityOf(setting, policy.severity);
      if (severity === "off") continue;
      const params = new Map(Object.entries({ ...policy.params ?? {}, ...globalParams, ...typeof setting === "object" ? setting.params ?? {} : {} }));
      policies.push({ policy, severity, params, source: source.file });
    }
  }
  for (const id of Object.keys(config.policies ?? {})) {
    if (!seen.has(id)) problems.push({ file: configFile ?? ".clb-guard.json", line: 1, pointer: `/policies/${id}`, message: `no policy with id "${id}" (known: ${[...seen.keys()].join(", ")})` });
  }
  return { policies, problems };
}
function severityOf(setting, fallback) {
  if (setting === void 0) return fallback;
  if (typeof setting === "string") return setting;
  return setting.severity ?? fallback;
}

// src/policy/configLoader.ts
async function loadConfig(options) {
  const { cwd } = options;
  let configPath = options.configFile === void 0 ? void 0 : join2(cwd, options.configFile);
  if (configPath === void 0) {
    const candidate = join2(cwd, ".clb-guard.json");
    if (await exists(candidate)) configPath = candidate;
  }
  let config = {};
  let doc;
  const problems = [];
  const display = configPath === void 0 ? void 0 : relative2(cwd, configPath) || configPath;
  if (configPath !== void 0 && display !== void 0) {
    let text;
    try {
      text = await readFile2(configPath, "utf8");
    } catch {
      throw new InputError("config file not found", { file: display });
    }
    doc = parseJsonDocument(text, display);
    problems.push(...validateConfigDocument(doc));
    if (problems.length > 0) throw new PolicyProblems(problems);
    config = doc.value;
  }
  const configDir = configPath === void 0 ? cwd : dirname(configPath);
  const includes = (config.include ?? []).map((p) => relative2(cwd, join2(configDir, p)) || ".");
  const extra = await readPolicyFiles([...includes, ...options.policyPaths ?? []], cwd);
  problems.push(...extra.problems);
  const resolved = resolvePolicies([...builtinPolicies(), ...extra.sources], config, display);
  problems.push(...resolved.problems.map((p) => doc !== void 0 && p.file === display ? { ...p, line: doc.lineOf(p.pointer) } : p));
  if (problems.length > 0) throw new PolicyProblems(problems);
  const exceptions = (config.exceptions ?? []).map((entry, index) => ({ ...entry, ...doc ? { line: doc.lineOf(`/exceptions/${index}`) } : {} }));
  return { ...display !== void 0 ? { file: display } : {}, policies: resolved.policies, exceptions };
}
async function validatePolicyFiles(paths, cwd) {
  const { sources, problems } = await readPolicyFiles(paths, cwd);
  const resolved = resolvePolicies([...builtinPolicies(), ...sources], {}, void 0);
  return { problems: [...problems, ...resolved.problems], policies: sources.reduce((n, s) => n + s.policies.length, 0) };
}
async function exists(path) {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

// src/sources/plan/index.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { join as join4, relative as relative4, resolve as resolve2, sep as sep2 } from "node:path";

// src/sources/plan/configurationTree.ts
import { isAbsolute, resolve } from "node:path";

// src/sources/plan/planDocument.ts
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function supportedFormat(version) {
  return /^1\.\d+$/.test(version) || version === "0.2";
}
function readPlanDocument(root, file) {
  if (!isObject(root)) {
    throw new InputError(`expected a JSON object (the output of \`terraform show -json PLANFILE\`), found ${describeType(root)}`, { file });
  }
  const format2 = root["format_version"];
  if (format2 === void 0) {
    if ("lineage" in root && "serial" in root) {
      throw new InputError("this is a Terraform state file, not a plan; pass the output of `terraform show -json PLANFILE`", { file });
    }
    throw new InputError('not a Terraform plan: "format_version" is missing; pass the output of `terraform show -json PLANFILE`', { file });
  }
  if (typeof format2 !== "string") throw new InputError(`expected a string, found ${describeType(format2)}`, { file, place: "/format_version" });
  if (!supportedFormat(format2)) {
    throw new InputError(`unsupported plan format_version "${format2}": clb-guard reads format 1.x (Terraform 1.0 or later, OpenTofu)`, { file, place: "/format_version" });
  }
  if ("values" in root && !("planned_values" in root) && !("resource_changes" in root)) {
    throw new InputError("this is the JSON of a state (`terraform show -json` without a plan file), not a plan; pass `terraform show -json PLANFILE`", { file });
  }
  const objectAt = (key) => {
    const value = root[key];
    if (value === void 0 || value === null) return void 0;
    if (!isObject(value)) throw new InputError(`expected an object, found ${describeType(value)}`, { file, place: `/${key}` });
    return value;
  };
  const changes = root["resource_changes"];
  if (changes !== void 0 && changes !== null && !Array.isArray(changes)) {
    throw new InputError(`expected an array, found ${describeType(changes)}`, { file, place: "/resource_changes" });
  }
  const plannedValues = objectAt("planned_values");
  const priorState = objectAt("prior_state");
  const configuration = objectAt("configuration");
  const variablesObject = objectAt("variables");
  const variables = /* @__PURE__ */ new Map();
  for (const [name, entry] of Object.entries(variablesObject ?? {})) {
    if (isObject(entry)) variables.set(name, entry["value"] ?? null);
  }
  const version = root["terraform_version"];
  return {
    formatVersion: format2,
    ...typeof version === "string" ? { terraformVersion: version } : {},
    variables,
    ...plannedValues ? { plannedValues } : {},
    resourceChanges: Array.isArray(changes) ? changes : [],
    ...priorState ? { priorState } : {},
    ...configuration ? { configuration } : {},
    partial: root["errored"] === true || root["complete"] === false
  };
}
function describeType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

// src/sources/plan/configurationTree.ts
var ConfigurationTree = class {
  root;
  constructor(configuration, rootDir, installedModules2 = /* @__PURE__ */ new Map()) {
    this.root = readModule(configuration?.["root_module"], [], rootDir, rootDir, installedModules2);
  }
  module(steps) {
    let module = this.root;
    for (const step of steps) {
      module = module?.calls.get(step.name)?.module;
      if (module === void 0) return void 0;
    }
    return module;
  }
  call(parent, name) {
    return this.module(parent)?.calls.get(name);
  }
  resource(steps, mode, type, name) {
    return this.module(steps)?.resources.get(resourceKey(mode, type, name));
  }
};
function resourceKey(mode, type, name) {
  return `${mode === "data" ? "data." : ""}${type}.${name}`;
}
function readModule(value, path, dir, rootDir, installed) {
  const body = isObject(value) ? value : {};
  const resources = /* @__PURE__ */ new Map();
  if (Array.isArray(body["resources"])) {
    for (const entry of body["resources"]) {
      if (!isObject(entry) || typeof entry["type"] !== "string" || typeof entry["name"] !== "string") continue;
      const mode = entry["mode"] === "data" ? "data" : "managed";
      resources.set(resourceKey(mode, entry["type"], entry["name"]), {
        mode,
        type: entry["type"],
        name: entry["name"],
        expressions: isObject(entry["expressions"]) ? entry["expressions"] : {},
        ...isObject(entry["count_expression"]) ? { countExpression: entry["count_expression"] } : {},
        ...isObject(entry["for_each_expression"]) ? { forEachExpression: entry["for_each_expression"] } : {}
      });
    }
  }
  const variables = /* @__PURE__ */ new Map();
  if (isObject(body["variables"])) {
    for (const [name, variable] of Object.entries(body["variables"])) variables.set(name, isObject(variable) ? variable["default"] ?? null : null);
  }
  const outputs = /* @__PURE__ */ new Map();
  if (isObject(body["outputs"])) {
    for (const [name, output] of Object.entries(body["outputs"])) {
      if (isObject(output) && isObject(output["expression"])) outputs.set(name, output["expression"]);
    }
  }
  const calls = /* @__PURE__ */ new Map();
  if (isObject(body["module_calls"])) {
    for (const [name, call] of Object.entries(body["module_calls"])) {
      if (!isObject(call)) continue;
      const childPath = [...path, name];
      const source = typeof call["source"] === "string" ? call["source"] : void 0;
      const childDir = moduleDir(source, dir, rootDir, installed.get(childPath.join(".")));
      calls.set(name, {
        name,
        ...source !== void 0 ? { source } : {},
        expressions: isObject(call["expressions"]) ? call["expressions"] : {},
        ...isObject(call["count_expression"]) ? { countExpression: call["count_expression"] } : {},
        ...isObject(call["for_each_expression"]) ? { forEachExpression: call["for_each_expression"] } : {},
        module: readModule(call["module"], childPath, childDir, rootDir, installed)
      });
    }
  }
  return { path, ...dir !== void 0 ? { dir } : {}, resources, calls, variables, outputs };
}
function moduleDir(source, parentDir, rootDir, installedDir) {
  if (source !== void 0 && (source.startsWith("./") || source.startsWith("../")) && parentDir !== void 0) return resolve(parentDir, source);
  if (installedDir !== void 0 && rootDir !== void 0) return isAbsolute(installedDir) ? installedDir : resolve(rootDir, installedDir);
  return void 0;
}

// src/model/value.ts
function unknown(reason) {
  return { unknown: true, reason };
}
function isUnknown(value) {
  return typeof value === "object" && value !== null && value.unknown === true;
}

// src/sources/plan/planValue.ts
function valueAt(values, unknownTree, path) {
  let value = values;
  let unknown2 = unknownTree;
  for (const step of path) {
    if (unknown2 === true) return { known: false };
    value = child(value, step);
    unknown2 = child(unknown2, step);
  }
  if (unknown2 === true) return { known: false };
  return { known: true, value: value ?? null };
}
function child(value, step) {
  if (Array.isArray(value)) return typeof step === "number" ? value[step] : void 0;
  if (isObject(value)) return value[String(step)];
  return void 0;
}
function expressionAt(expressions, path) {
  let current = expressions;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (Array.isArray(current)) {
      if (typeof step !== "number" || step >= current.length) return { found: "unknown" };
      current = current[step];
      continue;
    }
    if (!isObject(current)) return { found: "unknown" };
    if ("constant_value" in current || "references" in current) {
      return { found: "expression", expression: current };
    }
    const next = current[String(step)];
    if (next === void 0) return i === path.length - 1 ? { found: "absent" } : { found: "unknown" };
    current = next;
  }
  return { found: "expression", expression: current };
}

// src/sources/plan/messageList.ts
function someOf(names, shown = 4) {
  return names.length <= shown ? names.join(", ") : `${names.slice(0, shown).join(", ")} and ${names.length - shown} more`;
}

// src/sources/plan/hclScanner.ts
function scanHcl(source) {
  let tokens;
  try {
    tokens = tokenize(source);
  } catch {
    tokens = [];
  }
  const parser = new BodyParser(tokens);
  const body = parser.body(false);
  return { type: "", labels: [], line: 1, endLine: body.endLine, attributes: body.attributes, blocks: body.blocks };
}
function listElements(tokens) {
  const meaningful = tokens.filter((t) => t.kind !== "newline");
  const first = meaningful[0];
  const last = meaningful[meaningful.length - 1];
  if (first?.kind !== "punct" || first.text !== "[" || last?.kind !== "punct" || last.text !== "]") return void 0;
  const elements = [];
  let depth = 0;
  let current = [];
  const flush = () => {
    if (current.length === 0) return;
    const only = current.length === 1 ? current[0] : void 0;
    elements.push({ line: current[0].line, tokens: current, ...only?.kind === "string" ? { template: only.parts } : {} });
    current = [];
  };
  for (let i = 1; i < meaningful.length - 1; i++) {
    const token = meaningful[i];
    if (token.kind === "punct") {
      if (token.text === "[" || token.text === "(" || token.text === "{") depth++;
      else if (token.text === "]" || token.text === ")" || token.text === "}") depth--;
      else if (token.text === "," && depth === 0) {
        flush();
        continue;
      }
      if (depth < 0) return void 0;
    }
    if (depth === 0 && token.kind === "ident" && token.text === "for" && current.length === 0 && elements.length === 0) return void 0;
    current.push(token);
  }
  flush();
  return elements;
}
var KEYWORD_ROOTS = /* @__PURE__ */ new Set(["true", "false", "null", "for", "in", "if", "endif", "else", "endfor"]);
function referencesIn(tokens) {
  const found = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === "string") {
      for (const part of token.parts) if ("interpolation" in part) found.push(...referencesIn(safeTokenize(part.interpolation)));
      continue;
    }
    if (token.kind !== "ident" || KEYWORD_ROOTS.has(token.text)) continue;
    const previous = tokens[i - 1];
    if (previous?.kind === "punct" && (previous.text === "." || previous.text === "::")) continue;
    const next = tokens[i + 1];
    if (next?.kind === "punct" && next.text === "(") continue;
    let text = token.text;
    let steps = 0;
    let j = i + 1;
    while (j < tokens.length) {
      const a = tokens[j];
      const b = tokens[j + 1];
      if (a.kind === "punct" && a.text === "." && b?.kind === "ident") {
        text += `.${b.text}`;
        steps++;
        j += 2;
        continue;
      }
      if (a.kind === "punct" && a.text === "." && b?.kind === "number" && /^\d+$/.test(b.text)) {
        text += `[${b.text}]`;
        j += 2;
        continue;
      }
      const c = tokens[j + 2];
      if (a.kind === "punct" && a.text === "[" && c?.kind === "punct" && c.text === "]") {
        if (b?.kind === "number" && /^\d+$/.test(b.text)) {
          text += `[${b.text}]`;
          j += 3;
          continue;
        }
        if (b?.kind === "string" && b.parts.length <= 1 && (b.parts.length === 0 || "literal" in b.parts[0])) {
          const literal = b.parts.length === 0 ? "" : b.parts[0].literal;
          text += `[${JSON.stringify(literal)}]`;
          j += 3;
          continue;
        }
      }
      break;
    }
    if (steps > 0) found.push(text);
    i = j - 1;
  }
  return found;
}
function safeTokenize(source) {
  try {
    return tokenize(source);
  } catch {
    return [];
  }
}
var BodyParser = class {
  constructor(tokens) {
    this.tokens = tokens;
  }
  tokens;
  i = 0;
  /** Reads attributes and blocks until `}` (nested) or the end of the file. */
  body(nested) {
    const attributes = /* @__PURE__ */ new Map();
    const blocks = [];
    const tokens = this.tokens;
    while (this.i < tokens.length) {
      const token = tokens[this.i];
      if (token.kind === "newline") {
        this.i++;
        continue;
      }
      if (token.kind === "punct" && token.text === "}") {
        if (nested) {
          this.i++;
          return { attributes, blocks, endLine: token.line };
        }
        this.i++;
        continue;
      }
      if (token.kind !== "ident") {
        this.skipLine();
        continue;
      }
      const next = tokens[this.i + 1];
      if (next?.kind === "punct" && next.text === "=") {
        this.i += 2;
        const value = this.expression();
        const endLine = value.length > 0 ? lastLine(value[value.length - 1]) : token.line;
        if (!attributes.has(token.text)) attributes.set(token.text, { name: token.text, line: token.line, endLine, tokens: value });
        continue;
      }
      const labels = [];
      let j = this.i + 1;
      while (j < tokens.length) {
        const label = tokens[j];
        if (label.kind === "string") labels.push(label.parts.map((p) => "literal" in p ? p.literal : "").join(""));
        else if (label.kind === "ident") labels.push(label.text);
        else break;
        j++;
      }
      const open = tokens[j];
      if (open?.kind === "punct" && open.text === "{") {
        this.i = j + 1;
        const inner = this.body(true);
        blocks.push({ type: token.text, labels, line: token.line, endLine: inner.endLine, attributes: inner.attributes, blocks: inner.blocks });
        continue;
      }
      this.skipLine();
    }
    const last = tokens[tokens.length - 1];
    return { attributes, blocks, endLine: last === void 0 ? 1 : lastLine(last) };
  }
  /** Tokens up to the newline that ends the expression (brackets may span lines). */
  expression() {
    const value = [];
    let depth = 0;
    const tokens = this.tokens;
    while (this.i < tokens.length) {
      const token = tokens[this.i];
      if (token.kind === "newline" && depth === 0) break;
      if (token.kind === "punct") {
        if (token.text === "{" || token.text === "[" || token.text === "(") depth++;
        else if (token.text === "}" || token.text === "]" || token.text === ")") {
          if (depth === 0) break;
          depth--;
        } else if (token.text === "," && depth === 0) {
          this.i++;
          break;
        }
      }
      value.push(token);
      this.i++;
    }
    return value;
  }
  skipLine() {
    let depth = 0;
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i];
      if (token.kind === "newline" && depth <= 0) return;
      if (token.kind === "punct") {
        if (token.text === "{" || token.text === "[" || token.text === "(") depth++;
        else if (token.text === "}" || token.text === "]" || token.text === ")") {
          if (depth === 0) return;
          depth--;
        }
      }
      this.i++;
    }
  }
};
function lastLine(token) {
  return token.kind === "string" ? token.endLine : token.line;
}
var IDENT_START = /[A-Za-z_\u00C0-\uFFFF]/;
var IDENT_CHAR = /[A-Za-z0-9_\-\u00C0-\uFFFF]/;
function tokenize(source) {
  const tokens = [];
  let i = 0;
  let line = 1;
  const n = source.length;
  while (i < n) {
    const ch = source[i];
    if (ch === "\n") {
      tokens.push({ kind: "newline", line });
      line++;
      i++;
      continue;
    }
    if (ch === " " || ch === "	" || ch === "\r") {
      i++;
      continue;
    }
    if (ch === "#" || ch === "/" && source[i + 1] === "/") {
      while (i < n && source[i] !== "\n") i++;
      continue;
    }
    if (ch === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let j = i; j < stop; j++) if (source[j] === "\n") line++;
      i = stop;
      continue;
    }
    if (ch === '"') {
      const start = line;
      const scanned = scanQuoted(source, i + 1);
      for (let j = i; j < scanned.end; j++) if (source[j] === "\n") line++;
      tokens.push({ kind: "string", parts: scanned.parts, line: start, endLine: line });
      i = scanned.end;
      continue;
    }
    if (ch === "<" && source[i + 1] === "<") {
      const heredoc = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(source.slice(i, i + 80));
      if (heredoc !== null) {
        const start = line;
        const scanned = scanHeredoc(source, i + heredoc[0].length, heredoc[2]);
        for (let j = i; j < scanned.end; j++) if (source[j] === "\n") line++;
        tokens.push({ kind: "string", parts: scanned.parts, line: start, endLine: line });
        i = scanned.end;
        continue;
      }
    }
    if (IDENT_START.test(ch)) {
      let j = i + 1;
      while (j < n && IDENT_CHAR.test(source[j])) j++;
      tokens.push({ kind: "ident", text: source.slice(i, j), line });
      i = j;
      continue;
    }
    if (ch >= "0" && ch <= "9") {
      let j = i + 1;
      while (j < n && /[0-9.eE]/.test(source[j])) {
        if (source[j] === "." && !/[0-9]/.test(source[j + 1] ?? "")) break;
        j++;
      }
      tokens.push({ kind: "number", text: source.slice(i, j), line });
      i = j;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === "==" || two === "!=" || two === "<=" || two === ">=" || two === "&&" || two === "||" || two === "=>" || two === "::") {
      tokens.push({ kind: "punct", text: two, line });
      i += 2;
      continue;
    }
    if (source.slice(i, i + 3) === "...") {
      tokens.push({ kind: "punct", text: "...", line });
      i += 3;
      continue;
    }
    tokens.push({ kind: "punct", text: ch, line });
    i++;
  }
  return tokens;
}
var ESCAPES = { n: "\n", r: "\r", t: "	", '"': '"', "\\": "\\" };
function scanQuoted(source, start) {
  const parts = [];
  let literal = "";
  let i = start;
  const n = source.length;
  while (i < n) {
    const ch = source[i];
    if (ch === '"') {
      if (literal !== "") parts.push({ literal });
      return { parts, end: i + 1 };
    }
    if (ch === "\n") break;
    if (ch === "\\") {
      const next = source[i + 1] ?? "";
      if (next === "u" || next === "U") {
        const width = next === "u" ? 4 : 8;
        const hex = source.slice(i + 2, i + 2 + width);
        if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === width) {
          literal += String.fromCodePoint(parseInt(hex, 16));
          i += 2 + width;
          continue;
        }
      }
      literal += ESCAPES[next] ?? next;
      i += 2;
      continue;
    }
    if ((ch === "$" || ch === "%") && source[i + 1] === ch && source[i + 2] === "{") {
      literal += `${ch}{`;
      i += 3;
      continue;
    }
    if ((ch === "$" || ch === "%") && source[i + 1] === "{") {
      if (literal !== "") parts.push({ literal });
      literal = "";
      const close = matchingBrace(source, i + 2);
      const inner = source.slice(i + 2, close).replace(/^~/, "").replace(/~$/, "").trim();
      parts.push(ch === "$" ? { interpolation: inner } : { directive: inner });
      i = close + 1;
      continue;
    }
    literal += ch;
    i++;
  }
  if (literal !== "") parts.push({ literal });
  return { parts, end: i };
}
function scanHeredoc(source, start, marker) {
  const parts = [];
  let i = start;
  let literal = "";
  while (i < source.length) {
    const lineEnd = source.indexOf("\n", i);
    const stop = lineEnd < 0 ? source.length : lineEnd;
    const text = source.slice(i, stop);
    if (text.trim() === marker) {
      if (literal !== "") parts.push({ literal });
      return { parts, end: stop };
    }
    let j = 0;
    while (j < text.length) {
      const ch = text[j];
      if ((ch === "$" || ch === "%") && text[j + 1] === "{") {
        if (literal !== "") parts.push({ literal });
        literal = "";
        const close = matchingBrace(text, j + 2);
        const inner = text.slice(j + 2, close).trim();
        parts.push(ch === "$" ? { interpolation: inner } : { directive: inner });
        j = close + 1;
        continue;
      }
      literal += ch;
      j++;
    }
    literal += "\n";
    i = stop + 1;
  }
  if (literal !== "") parts.push({ literal });
  return { parts, end: source.length };
}
function matchingBrace(source, start) {
  let depth = 0;
  let i = start;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '"') {
      i = scanQuoted(source, i + 1).end;
      continue;
    }
    if (ch === "{") depth++;
    else if (ch === "}") {
      if (depth === 0) return i;
      depth--;
    } else if (ch === "\n" && depth === 0) {
      const rest = source.indexOf("}", i);
      if (rest < 0) return source.length;
    }
    i++;
  }
  return source.length;
}

// src/sources/plan/planContext.ts
var AFTER_APPLY = "known after apply";
var SELF_ID_ATTRIBUTES = {
  tencentcloud_clb_listener: ["id", "listener_id"],
  tencentcloud_clb_listener_rule: ["id", "rule_id"]
};
var AttributeReader = class {
  string(path) {
    const state = this.attribute(path);
    if (state.state === "unset") return void 0;
    if (state.state === "unknown") return unknown(AFTER_APPLY);
    if (typeof state.value === "string") return state.value;
    if (typeof state.value === "number" || typeof state.value === "boolean") return String(state.value);
    this.view.context.warn(this.view.resource, `${formatPath(path)}: expected a string`);
    return unknown(`${formatPath(path)} has an unexpected shape`);
  }
  number(path) {
    const state = this.attribute(path);
    if (state.state === "unset") return void 0;
    if (state.state === "unknown") return unknown(AFTER_APPLY);
    const value = typeof state.value === "string" && /^-?\d+$/.test(state.value) ? Number(state.value) : state.value;
    if (typeof value === "number" && Number.isFinite(value)) return value;
    this.view.context.warn(this.view.resource, `${formatPath(path)}: expected a number`);
    return unknown(`${formatPath(path)} has an unexpected shape`);
  }
  boolean(path) {
    const state = this.attribute(path);
    if (state.state === "unset") return void 0;
    if (state.state === "unknown") return unknown(AFTER_APPLY);
    if (typeof state.value === "boolean") return state.value;
    if (state.value === "true" || state.value === "false") return state.value === "true";
    this.view.context.warn(this.view.resource, `${formatPath(path)}: expected a boolean`);
    return unknown(`${formatPath(path)} has an unexpected shape`);
  }
  /** The IDs an attribute names, linked to resources of the plan where it can be. */
  links(path) {
    const state = this.attribute(path);
    if (state.state === "unset") return void 0;
    return this.view.context.linksOf(state, this.view.resource.address, path);
  }
  /** A single linked ID: `null` when not set. */
  link(path) {
    const links = this.links(path);
    if (links === void 0) return null;
    if (links.unknownReason !== void 0) return unknown(links.unknownReason);
    if (links.refs.length === 1) return links.refs[0];
    if (links.refs.length === 0) return null;
    return unknown(`${formatPath(path)} names ${links.refs.length} objects: ${someOf(links.refs)}`);
  }
};
var ResourceView = class extends AttributeReader {
  constructor(context, resource) {
    super();
    this.context = context;
    this.resource = resource;
    this.config = context.config.resource(resource.module, "managed", resource.type, resource.name);
    this.scope = context.resolver.scopeOf(resource, this.config);
  }
  context;
  resource;
  config;
  scope;
  cachedLocation;
  get view() {
    return this;
  }
  /**
   * An unknown list of IDs records only its references in the plan JSON; literal IDs written
   * beside them (`["sg-123", tencentcloud_security_group.x.id]`) are read from the `.tf` list.
   */
  links(path) {
    const linked = super.links(path);
    if (linked === void 0 || path.length !== 1 || linked.unknownReason !== void 0) return linked;
    const state = this.attribute(path);
    if (state.state !== "unknown") return linked;
    const source = this.context.sourceBlock(this.resource)?.block.attributes.get(String(path[0]));
    const elements = source === void 0 ? void 0 : listElements(source.tokens);
    if (elements === void 0 || !elements.some((e) => e.template !== void 0 && e.template.every((part) => "literal" in part))) return linked;
    const refs = [];
    for (const element of elements) {
      if (element.template !== void 0 && element.template.every((part) => "literal" in part)) {
        refs.push(this.context.alias(element.template.map((part) => part.literal).join("")));
        continue;
      }
      const items = this.context.resolver.resolveReferences(referencesIn(element.tokens), this.scope);
      const own = this.context.linksOf({ state: "unknown", items }, this.resource.address, path);
      if (own.unknownReason !== void 0) return { refs, unknownReason: own.unknownReason };
      refs.push(...own.refs);
    }
    return { refs: refs.filter((ref, i) => refs.indexOf(ref) === i) };
  }
  get address() {
    return this.resource.address;
  }
  /** The resource block's location, looked up once. */
  get location() {
    if (this.cachedLocation === void 0) this.cachedLocation = this.context.location(this.resource) ?? null;
    return this.cachedLocation ?? void 0;
  }
  /**
   * Known values win; an unknown one is explained by the configuration: not written = not set
   * (optional attributes show as unknown in a create plan), a constant, or references.
   * An empty string is "not set" throughout this provider.
   */
  attribute(path) {
    const value = valueAt(this.resource.values, this.resource.unknown, path);
    if (value.known) return knownState(value.value);
    if (this.config === void 0 || !this.alignedWithConfig(path)) return UNKNOWN_WITHOUT_CONFIG;
    const top = String(path[0]);
    if (path.length > 1 && this.config.expressions[top] === void 0) return this.missingBlock(top);
    const lookup = expressionAt(this.config.expressions, path);
    if (lookup.found === "absent") return UNSET;
    if (lookup.found === "unknown") return UNKNOWN_WITHOUT_CONFIG;
    return this.expressionState(lookup.expression);
  }
  /**
   * One element of a list of nested blocks (`ingress[3]`), read without walking the whole path
   * for every attribute: rule sets have thousands.
   */
  element(list, index) {
    const values = child2(this.resource.values[list], index);
    const unknownList = isPlainObject(this.resource.unknown) ? this.resource.unknown[list] : void 0;
    const unknownElement = unknownList === true ? true : child2(unknownList, index);
    const configList = this.config?.expressions[list];
    let config;
    if (this.config === void 0) config = { kind: "unknown" };
    else if (configList === void 0) config = this.missingBlock(list).state === "unset" ? { kind: "unset" } : { kind: "unknown" };
    else if (Array.isArray(configList) && Array.isArray(this.resource.values[list]) && configList.length === this.resource.values[list].length) {
      const block = configList[index];
      config = isPlainObject(block) ? { kind: "block", block } : { kind: "unknown" };
    } else config = { kind: "unknown" };
    return new ElementView(this, [list, index], values, unknownElement, config);
  }
  /** A configuration expression as a state: constants read, references resolved. */
  expressionState(expression) {
    if (isPlainObject(expression) && "constant_value" in expression) return knownState(expression["constant_value"]);
    const items = this.context.resolver.resolve(expression, this.scope);
    if (items.length > 0 && items.every((item) => item.kind === "constant" && (item.value === null || item.value === ""))) return UNSET;
    if (items.length === 1 && items[0].kind === "constant") return { state: "set", value: items[0].value };
    return { state: "unknown", items };
  }
  /**
   * A nested block missing from the configuration: not written (an optional computed block,
   * wholly unknown in a create plan), or written with `dynamic` (then the plan knows its shape).
   */
  missingBlock(name) {
    const wholeUnknown = isPlainObject(this.resource.unknown) && this.resource.unknown[name] === true;
    return wholeUnknown && !this.writtenAsDynamic(name) ? UNSET : UNKNOWN_WITHOUT_CONFIG;
  }
  writtenAsDynamic(name) {
    return this.context.sourceBlock(this.resource)?.block.blocks.some((b) => b.type === "dynamic" && b.labels[0] === name) ?? false;
  }
  /**
   * Nested blocks line up with their configuration only when both lists have the same length;
   * `dynamic` blocks are missing from the configuration, so then it cannot say which is which.
   */
  alignedWithConfig(path) {
    let expressions = this.config?.expressions;
    let values = this.resource.values;
    for (const step of path) {
      if (typeof step === "number") {
        if (Array.isArray(expressions) && Array.isArray(values) && expressions.length !== values.length) return false;
      }
      expressions = child2(expressions, step);
      values = child2(values, step);
    }
    return true;
  }
};
var ElementView = class extends AttributeReader {
  constructor(view, path, values, unknownTree, config) {
    super();
    this.view = view;
    this.path = path;
    this.values = values;
    this.unknownTree = unknownTree;
    this.config = config;
  }
  view;
  path;
  values;
  unknownTree;
  config;
  attribute(path) {
    if (path.length !== 1) return this.view.attribute([...this.path, ...path]);
    const name = String(path[0]);
    const unknownHere = this.unknownTree === true || isPlainObject(this.unknownTree) && this.unknownTree[name] === true;
    if (!unknownHere) return knownState(isPlainObject(this.values) ? this.values[name] : void 0);
    if (this.config.kind === "unset") return UNSET;
    if (this.config.kind === "unknown") return UNKNOWN_WITHOUT_CONFIG;
    const expression = this.config.block[name];
    if (expression === void 0) return UNSET;
    return this.view.expressionState(expression);
  }
};
var UNSET = { state: "unset" };
var UNKNOWN_WITHOUT_CONFIG = { state: "unknown", items: [] };
function knownState(value) {
  return value === null || value === void 0 || value === "" ? UNSET : { state: "set", value };
}
function child2(value, step) {
  if (Array.isArray(value)) return typeof step === "number" ? value[step] : void 0;
  if (isPlainObject(value)) return value[String(step)];
  return void 0;
}
var PlanContext = class {
  constructor(resources, config, resolver, sources) {
    this.resources = resources;
    this.config = config;
    this.resolver = resolver;
    this.sources = sources;
    for (const resource of resources.byAddress.values()) {
      for (const name of ["id", ...SELF_ID_ATTRIBUTES[resource.type] ?? []]) {
        const id = resource.values[name];
        if (typeof id === "string" && id !== "" && !this.aliases.has(id)) this.aliases.set(id, resource.address);
      }
    }
  }
  resources;
  config;
  resolver;
  sources;
  warnings = [];
  /** Known cloud ID → inventory key (address). */
  aliases = /* @__PURE__ */ new Map();
  views = /* @__PURE__ */ new Map();
  view(resource) {
    let view = this.views.get(resource.address);
    if (view === void 0) {
      view = new ResourceView(this, resource);
      this.views.set(resource.address, view);
    }
    return view;
  }
  warn(resource, message) {
    this.warnings.push({ address: typeof resource === "string" ? resource : resource.address, message });
  }
  /** A literal ID: the address of the resource that has it, or the ID itself (external). */
  alias(id) {
    return this.aliases.get(id) ?? id;
  }
  sourceBlock(resource) {
    return this.sources.resourceBlock(this.config.module(resource.module)?.dir, "managed", resource.type, resource.name);
  }
  location(resource) {
    const block = this.sourceBlock(resource);
    return block === void 0 ? void 0 : this.sources.blockLocation(block);
  }
  shared = /* @__PURE__ */ new Map();
  /**
   * One object for equal, read-only rule parts (`{kind:'cidr', cidr:'0.0.0.0/0'}`,
   * `{kind:'protocol', protocol:'TCP', ports:'443'}`): a large plan repeats a few of them a
   * hundred thousand times.
   */
  sharePeer(peer) {
    if (peer.kind === "unknown") return peer;
    return this.shareAs(`${peer.kind}|${peer.kind === "cidr" ? peer.cidr : peer.ref}`, peer);
  }
  shareService(service) {
    if (service.kind !== "protocol") return this.shareAs(`${service.kind}|${service.ref}`, service);
    if (typeof service.protocol !== "string" || typeof service.ports !== "string") return service;
    return this.shareAs(`protocol|${service.protocol}|${service.ports}`, service);
  }
  /** `ingress[3]`, shared: a large plan has a hundred thousand rules with a few distinct paths. */
  elementPath(list, index) {
    return this.shareAs(`path|${list}|${index}`, { path: `${list}[${index}]` }).path;
  }
  shareAs(key, value) {
    const known = this.shared.get(key);
    if (known !== void 0) return known;
    this.shared.set(key, value);
    return value;
  }
  provenance(resource, extra = {}) {
    const id = resource.values["id"];
    const location = extra.location ?? this.view(resource).location;
    return {
      address: resource.address,
      ...typeof id === "string" && id !== "" ? { cloudId: id } : {},
      type: resource.type,
      ...extra.path !== void 0 ? { path: extra.path } : {},
      ...location !== void 0 ? { location } : {}
    };
  }
  linksOf(state, owner, path, depth = 0) {
    if (state.state === "unset") return { refs: [] };
    if (state.state === "set") return this.literalLinks(state.value, owner, path);
    if (state.items.length === 0) return { refs: [], unknownReason: AFTER_APPLY };
    const refs = [];
    const reasons = [];
    for (const item of state.items) {
      const linked = this.linkItem(item, depth);
      for (const ref of linked.refs) if (!refs.includes(ref)) refs.push(ref);
      if (linked.unknownReason !== void 0) reasons.push(linked.unknownReason);
    }
    return reasons.length > 0 ? { refs, unknownReason: reasons.join("; ") } : { refs };
  }
  literalLinks(value, owner, path) {
    const values = Array.isArray(value) ? value : [value];
    const refs = [];
    for (const entry of values) {
      if (entry === null || entry === "") continue;
      if (typeof entry !== "string") {
        if (owner !== void 0) this.warn(owner, `${formatPath(path)}: expected an ID, found ${JSON.stringify(entry)}`);
        return { refs, unknownReason: `${owner === void 0 ? "a referenced value" : formatPath(path)} is not an ID` };
      }
      const ref = this.alias(entry);
      if (!refs.includes(ref)) refs.push(ref);
    }
    return { refs };
  }
  /** A resolved reference as IDs: the resource itself, or the attribute it reads, followed. */
  linkItem(item, depth = 0) {
    switch (item.kind) {
      case "constant":
        return this.literalLinks(item.value, void 0, []);
      case "external":
        return { refs: [], unknownReason: `external: ${item.reason}` };
      case "opaque":
        return { refs: [], unknownReason: item.reason };
      case "resource": {
        const attribute = item.attribute;
        const selfIds = ["id", ...SELF_ID_ATTRIBUTES[item.resource.type] ?? []];
        if (attribute.length === 0 || attribute.length === 1 && selfIds.includes(String(attribute[0]))) return { refs: [item.resource.address] };
        if (depth > 8) return { refs: [], unknownReason: `${item.resource.address}.${attribute.join(".")} could not be followed` };
        const state = this.view(item.resource).attribute(attribute);
        return this.linksOf(state, item.resource.address, attribute, depth + 1);
      }
    }
  }
};
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function formatPath(path) {
  return path.map((step, i) => typeof step === "number" ? `[${step}]` : `${i === 0 ? "" : "."}${step}`).join("");
}

// src/sources/plan/instanceReader.ts
function readMachines(context) {
  const extraGroups = attachedGroups(context);
  const eniInstances = eniAttachments(context);
  const instances = /* @__PURE__ */ new Map();
  for (const resource of context.resources.ofType("tencentcloud_instance")) {
    const view = context.view(resource);
    const provenance = context.provenance(resource);
    const name = view.string(["instance_name"]);
    const primary = {
      key: `${resource.address}/eth0`,
      primary: true,
      instance: resource.address,
      privateIps: privateIp(view),
      subnet: view.link(["subnet_id"]) ?? unknown("the instance has no subnet"),
      securityGroups: appendGroups(instanceGroups(view), extraGroups.get(resource.address)),
      provenance
    };
    instances.set(resource.address, {
      key: resource.address,
      ...typeof name === "string" ? { name } : {},
      os: osFamily(view),
      vpc: view.link(["vpc_id"]) ?? unknown("the instance has no VPC"),
      interfaces: [primary],
      provenance
    });
  }
  const networkInterfaces = /* @__PURE__ */ new Map();
  for (const resource of context.resources.ofType("tencentcloud_eni")) {
    const view = context.view(resource);
    const instance = eniInstances.get(resource.address);
    networkInterfaces.set(resource.address, {
      key: resource.address,
      primary: false,
      ...instance !== void 0 ? { instance } : {},
      privateIps: eniIps(view),
      subnet: view.link(["subnet_id"]) ?? unknown("the ENI has no subnet"),
      securityGroups: appendGroups(ownGroups(view, "the ENI"), extraGroups.get(resource.address)),
      provenance: context.provenance(resource)
    });
  }
  for (const target of extraGroups.keys()) {
    if (!instances.has(target) && !networkInterfaces.has(target)) context.warn(target, "security groups are attached to it, but it is not in this plan");
  }
  return { instances, networkInterfaces };
}
function osFamily(view) {
  for (const attribute of ["image_id", "os_name", "image_name"]) {
    const value = view.string([attribute]);
    if (typeof value === "string" && /win/i.test(value)) return "windows";
  }
  return "linux";
}
function privateIp(view) {
  const ip = view.string(["private_ip"]);
  if (ip === void 0) return unknown(view.resource.created ? "assigned from the subnet at apply" : "the plan has no private IP");
  return isUnknown(ip) ? ip : [ip];
}
function eniIps(view) {
  for (const attribute of ["ipv4s", "ipv4_info"]) {
    const state = view.attribute([attribute]);
    if (state.state !== "set" || !Array.isArray(state.value) || state.value.length === 0) continue;
    const ips = state.value.map((entry) => typeof entry === "object" && entry !== null ? entry["ip"] : void 0);
    if (ips.every((ip) => typeof ip === "string" && ip !== "")) return ips;
  }
  return unknown(AFTER_APPLY);
}
function instanceGroups(view) {
  return ownGroups(view, "the instance");
}
function ownGroups(view, what) {
  const ordered = view.links(["orderly_security_groups"]);
  const legacy = view.links(["security_groups"]);
  const usable = (links) => links !== void 0 && (links.refs.length > 0 || links.unknownReason !== void 0);
  if (usable(ordered)) return asMaybe(ordered);
  if (usable(legacy)) {
    if (legacy.refs.length > 1 || legacy.unknownReason !== void 0 && legacy.refs.length > 0) {
      view.context.warn(view.resource, `security_groups is an unordered set: the priority of its ${legacy.refs.length} groups is not defined; use orderly_security_groups`);
    }
    return asMaybe(legacy);
  }
  if (ordered !== void 0 || legacy !== void 0) return [];
  return unknown(`no security group is set for ${what}; the cloud binds its default group`);
}
function asMaybe(links) {
  return links.unknownReason !== void 0 ? unknown(links.unknownReason) : links.refs;
}
function appendGroups(own, extra) {
  if (extra === void 0) return own;
  if (isUnknown(own)) return own;
  if (isUnknown(extra)) return extra;
  return [...own, ...extra.filter((ref) => !own.includes(ref))];
}
function attachedGroups(context) {
  const attached = /* @__PURE__ */ new Map();
  const add = (target, groups) => {
    const earlier = attached.get(target);
    if (earlier === void 0) attached.set(target, groups);
    else if (!isUnknown(earlier)) attached.set(target, isUnknown(groups) ? groups : [...earlier, ...groups]);
  };
  for (const resource of context.resources.ofType("tencentcloud_cvm_security_group_attachment")) {
    const view = context.view(resource);
    const instance = view.link(["instance_id"]);
    if (instance === null || isUnknown(instance)) {
      context.warn(resource, `cannot tell which instance this security group is attached to (${instance === null ? "instance_id is not set" : instance.reason})`);
      continue;
    }
    const group = view.link(["security_group_id"]);
    add(instance, group === null ? [] : isUnknown(group) ? group : [group]);
  }
  for (const resource of context.resources.ofType("tencentcloud_eni_sg_attachment")) {
    const view = context.view(resource);
    const enis = view.links(["network_interface_ids"]);
    if (enis === void 0 || enis.unknownReason !== void 0 || enis.refs.length === 0) {
      context.warn(resource, `cannot tell which ENI these security groups are attached to (${enis?.unknownReason ?? "network_interface_ids is not set"})`);
      continue;
    }
    const groups = view.links(["security_group_ids"]);
    if (groups !== void 0 && groups.refs.length > 1) context.warn(resource, `security_group_ids is an unordered set: the priority of its ${groups.refs.length} groups is not defined`);
    for (const eni of enis.refs) add(eni, groups === void 0 ? [] : asMaybe(groups));
  }
  return attached;
}
function eniAttachments(context) {
  const bound = /* @__PURE__ */ new Map();
  for (const resource of context.resources.ofType("tencentcloud_eni_attachment")) {
    const view = context.view(resource);
    const eni = view.link(["eni_id"]);
    const instance = view.link(["instance_id"]);
    if (typeof eni === "string" && typeof instance === "string") bound.set(eni, instance);
  }
  return bound;
}

// src/sources/plan/listenerDrafts.ts
var ListenerIndex = class {
  listeners = /* @__PURE__ */ new Map();
  rules = /* @__PURE__ */ new Map();
  finish(draft) {
    const reasons = [...new Set(draft.targetsUnknownReasons)];
    return {
      ...draft.base,
      rules: draft.rules.map((rule) => ({ ...rule.base, targets: rule.targets })),
      targets: draft.targets,
      ...reasons.length > 0 ? { targetsUnknownReason: reasons.join("; ") } : {}
    };
  }
};

// src/sources/plan/ruleStrings.ts
function fieldsOfText(text) {
  return text.split("#").map((part) => ({ text: part }));
}
function fieldsOfTemplate(parts, resolve5) {
  const raw = [[]];
  for (const part of parts) {
    if ("literal" in part) {
      const pieces = part.literal.split("#");
      pieces.forEach((piece, i) => {
        if (i > 0) raw.push([]);
        if (piece !== "") raw[raw.length - 1].push({ literal: piece });
      });
    } else raw[raw.length - 1].push(part);
  }
  return raw.map((field) => fieldOfParts(field, resolve5));
}
function fieldOfParts(parts, resolve5) {
  if (parts.every((p) => "literal" in p)) return { text: parts.map((p) => p.literal).join("") };
  if (parts.some((p) => "directive" in p)) return { unknownReason: "a template directive (%{\u2026}) in a rule string" };
  const only = parts.length === 1 ? parts[0] : void 0;
  if (only !== void 0 && "interpolation" in only) {
    const items = resolve5(only.interpolation);
    const constant = constantText(items);
    return constant !== void 0 ? { text: constant } : { items, source: only.interpolation };
  }
  let text = "";
  for (const part of parts) {
    if ("literal" in part) text += part.literal;
    else if ("interpolation" in part) {
      const constant = constantText(resolve5(part.interpolation));
      if (constant === void 0) return { unknownReason: `\${${part.interpolation}} is known only after apply` };
      text += constant;
    }
  }
  return { text };
}
function constantText(items) {
  if (items.length !== 1) return void 0;
  const item = items[0];
  if (item.kind !== "constant") return void 0;
  if (typeof item.value === "string" || typeof item.value === "number" || typeof item.value === "boolean") return String(item.value);
  return void 0;
}
function ruleAction(text) {
  const upper = text.trim().toUpperCase();
  return upper === "ACCEPT" || upper === "DROP" ? upper : void 0;
}
function peerOfText(text, alias) {
  const value = text.trim();
  if (/^sg-/i.test(value)) return { kind: "securityGroup", ref: alias(value) };
  if (/^ipmg-/i.test(value)) return { kind: "addressTemplateGroup", ref: alias(value) };
  if (/^ipm-/i.test(value)) return { kind: "addressTemplate", ref: alias(value) };
  return { kind: "cidr", cidr: value };
}
function serviceOfText(protocol, port, alias) {
  const value = protocol.trim();
  if (/^ppmg-/i.test(value)) return { kind: "serviceTemplateGroup", ref: alias(value) };
  if (/^ppm-/i.test(value)) return { kind: "serviceTemplate", ref: alias(value) };
  return { kind: "protocol", protocol: value === "" ? "ALL" : value.toUpperCase(), ports: normalizePorts(port) };
}
function normalizePorts(port) {
  const value = port.trim();
  return value === "" || value.toUpperCase() === "ALL" ? "ALL" : value;
}

// src/sources/plan/rulePeer.ts
var VIP_ATTRIBUTES = /* @__PURE__ */ new Set(["clb_vips", "vip", "address_ipv6"]);
function peerOfItems(context, items, field, depth = 0) {
  if (items.length === 0) return { kind: "unknown", reason: AFTER_APPLY };
  if (items.length > 1) {
    return { kind: "unknown", reason: `the peer depends on ${someOf(items.map(describeItem))}` };
  }
  const item = items[0];
  switch (item.kind) {
    case "constant":
      if (typeof item.value === "string" && item.value !== "") return peerOfLiteral(context, item.value, field);
      return { kind: "unknown", reason: `the peer is ${JSON.stringify(item.value)}` };
    case "external":
      return { kind: "unknown", reason: `external: ${item.reason}` };
    case "opaque":
      return { kind: "unknown", reason: item.reason };
    case "resource": {
      const { resource, attribute } = item;
      if (resource.type === "tencentcloud_clb_instance" && VIP_ATTRIBUTES.has(String(attribute[0]))) return { kind: "loadBalancerVip", ref: resource.address };
      const self = attribute.length === 0 || attribute.length === 1 && attribute[0] === "id";
      if (self) {
        if (resource.type === "tencentcloud_security_group") return { kind: "securityGroup", ref: resource.address };
        if (resource.type === "tencentcloud_address_template") return { kind: "addressTemplate", ref: resource.address };
        if (resource.type === "tencentcloud_address_template_group") return { kind: "addressTemplateGroup", ref: resource.address };
        return { kind: "unknown", reason: `${resource.address} is not a ${describeField(field)}` };
      }
      if (depth > 8) return { kind: "unknown", reason: `${describeItem(item)} could not be followed` };
      const state = context.view(resource).attribute(attribute);
      return peerOfState(context, state, field, depth + 1);
    }
  }
}
function peerOfState(context, state, field, depth = 0) {
  if (state.state === "unset") return { kind: "unknown", reason: "no peer is set" };
  if (state.state === "unknown") return peerOfItems(context, state.items, field, depth);
  if (typeof state.value === "string") return peerOfLiteral(context, state.value, field);
  if (Array.isArray(state.value) && state.value.length === 1 && typeof state.value[0] === "string") return peerOfLiteral(context, state.value[0], field);
  return { kind: "unknown", reason: `the peer ${JSON.stringify(state.value)} is not an address or ID` };
}
function peerOfLiteral(context, value, field) {
  if (field === "cidr") return peerOfText(value, (id) => context.alias(id));
  return { kind: field, ref: context.alias(value) };
}
function protocolOfState(state) {
  if (state.state === "unset") return "ALL";
  if (state.state === "set") return String(state.value).toUpperCase();
  return unknown(unknownText(state.items));
}
function portsOfState(state) {
  if (state.state === "unset") return "ALL";
  if (state.state === "set") return normalizePorts(String(state.value));
  return unknown(unknownText(state.items));
}
function templateService(context, state, kind) {
  if (state.state === "unset") return void 0;
  const links = context.linksOf(state, void 0, []);
  const ref = links.refs[0];
  if (links.unknownReason !== void 0 || ref === void 0 || links.refs.length > 1) return { kind: "protocol", protocol: unknown(links.unknownReason ?? AFTER_APPLY), ports: unknown(links.unknownReason ?? AFTER_APPLY) };
  return { kind, ref };
}
function unknownText(items) {
  const external = items.find((item) => item.kind === "external" || item.kind === "opaque");
  if (external !== void 0 && (external.kind === "external" || external.kind === "opaque")) return external.kind === "external" ? `external: ${external.reason}` : external.reason;
  return AFTER_APPLY;
}
function describeItem(item) {
  switch (item.kind) {
    case "resource":
      return `${item.resource.address}${item.attribute.map((s) => typeof s === "number" ? `[${s}]` : `.${s}`).join("")}`;
    case "constant":
      return JSON.stringify(item.value);
    default:
      return item.reason;
  }
}
function describeField(field) {
  switch (field) {
    case "cidr":
      return "CIDR";
    case "securityGroup":
      return "security group";
    case "addressTemplate":
      return "address template";
    case "addressTemplateGroup":
      return "address template group";
  }
}

// src/sources/plan/targetReader.ts
var NOT_KNOWN = { known: false };
var DYNAMIC_TARGETS = "known after apply; the targets are written in a `dynamic` block, which the plan does not describe, so they cannot be linked to instances";
function readTargets(context, index) {
  for (const resource of context.resources.ofType("tencentcloud_clb_attachment")) readAttachment(context, index, resource);
  const groups = targetGroupMembers(context);
  for (const resource of context.resources.ofType("tencentcloud_clb_target_group_attachment")) {
    const view = context.view(resource);
    bindTargetGroup(context, index, groups, resource, view.link(["target_group_id"]), view.link(["listener_id"]), view.link(["rule_id"]));
  }
  for (const resource of context.resources.ofType("tencentcloud_clb_target_group_attachments")) {
    const view = context.view(resource);
    const state = view.attribute(["associations"]);
    if (state.state !== "set" || !Array.isArray(state.value)) {
      if (state.state === "unknown") context.warn(resource, `associations: ${AFTER_APPLY}; these target groups are not checked`);
      continue;
    }
    const topGroup = view.link(["target_group_id"]);
    state.value.forEach((_, i) => {
      const group = view.link(["associations", i, "target_group_id"]) ?? topGroup;
      bindTargetGroup(context, index, groups, resource, group, view.link(["associations", i, "listener_id"]), view.link(["associations", i, "location_id"]));
    });
  }
}
function readAttachment(context, index, resource) {
  const view = context.view(resource);
  const listener = listenerOf(context, index, resource, view.link(["listener_id"]));
  if (listener === void 0) return;
  let rule;
  const ruleRef = view.link(["rule_id"]);
  if (ruleRef !== null) {
    rule = isUnknown(ruleRef) ? void 0 : index.rules.get(ruleRef);
    if (rule === void 0) {
      context.warn(resource, `the rule it attaches to (${isUnknown(ruleRef) ? ruleRef.reason : ruleRef}) is not in this plan; its targets are not checked`);
      return;
    }
  } else {
    const domain = view.string(["domain"]);
    const url = view.string(["url"]);
    if (domain !== void 0 || url !== void 0) {
      rule = listener.rules.find((r) => r.base.domain === domain && r.base.url === url);
      if (rule === void 0) {
        context.warn(resource, `no rule of ${listener.base.key} matches domain ${String(typeof domain === "string" ? domain : "?")} and url ${String(typeof url === "string" ? url : "?")}; its targets are not checked`);
        return;
      }
    }
  }
  const via = rule === void 0 ? "listener" : "rule";
  const state = view.attribute(["targets"]);
  const dynamicUnknown = isObject(resource.unknown) && resource.unknown["targets"] === true;
  if (state.state === "unset" && !dynamicUnknown) return;
  if (state.state !== "set" || !Array.isArray(state.value)) {
    if (state.state === "set") context.warn(resource, "targets: expected a list of blocks");
    listener.targetsUnknownReasons.push(`targets of ${resource.address}: ${AFTER_APPLY}`);
    return;
  }
  const destination = rule?.targets ?? listener.targets;
  for (const target of attachmentTargets(context, view, state.value.length, via)) destination.push(target);
}
function listenerOf(context, index, resource, ref) {
  if (ref === null || isUnknown(ref)) {
    context.warn(resource, `cannot tell which listener it attaches to (${ref === null ? "listener_id is not set" : ref.reason}); its targets are not checked`);
    return void 0;
  }
  const listener = index.listeners.get(ref);
  if (listener === void 0) context.warn(resource, `its listener ${ref} is not in this plan; its targets are not checked`);
  return listener;
}
function attachmentTargets(context, view, count, via) {
  const resource = view.resource;
  const written = writtenTargets(context, view);
  const used = /* @__PURE__ */ new Set();
  const targets = [];
  const elements = resource.values["targets"];
  const unknownTargets = isObject(resource.unknown) ? resource.unknown["targets"] : void 0;
  for (let j = 0; j < count; j++) {
    const element = Array.isArray(elements) && isObject(elements[j]) ? elements[j] : {};
    const unknownElement = unknownTargets === true ? true : Array.isArray(unknownTargets) ? unknownTargets[j] : void 0;
    const field = (name) => unknownElement === true || isObject(unknownElement) && unknownElement[name] === true ? NOT_KNOWN : { known: true, value: element[name] ?? null };
    const instanceValue = field("instance_id");
    const eniValue = field("eni_ip");
    const portValue = field("port");
    const weightValue = field("weight");
    const known = (v) => v.known && v.value !== null && v.value !== "";
    let block;
    if (written !== void 0) {
      const known2 = [portValue, weightValue, instanceValue, eniValue];
      block = written.find((candidate) => !used.has(candidate.index) && agrees(context, view, candidate.block, known2));
      if (block !== void 0) used.add(block.index);
    }
    const fromConfig = (name) => block === void 0 ? void 0 : resolveWritten(context, view, block.block[name]);
    const location = block?.line !== void 0 ? locationOf(context, view, block) : void 0;
    const provenance = context.provenance(resource, { path: context.elementPath("targets", block?.index ?? j), ...location ? { location } : {} });
    const target = { port: numberOf(portValue, () => fromConfig("port")) };
    const weight = numberOf(weightValue, () => fromConfig("weight"));
    if (!(isUnknown(weight) && weightValue.known)) target.weight = weight;
    if (known(instanceValue)) target.instance = context.alias(String(instanceValue.value));
    else if (known(eniValue)) target.eniIp = String(eniValue.value);
    else if (!instanceValue.known) target.instance = instanceOfItems(context, fromConfig("instance_id"), written === void 0);
    else if (!eniValue.known) target.eniIp = ipOfItems(context, fromConfig("eni_ip"), written === void 0);
    else {
      context.warn(resource, `targets[${j}] has neither instance_id nor eni_ip`);
      continue;
    }
    targets.push({ ...target, via, provenance });
  }
  return targets;
}
function writtenTargets(context, view) {
  const blocks = view.config?.expressions["targets"];
  if (!Array.isArray(blocks) || blocks.length === 0) return void 0;
  const source = context.sourceBlock(view.resource)?.block;
  const sourceBlocks = source?.blocks.filter((b) => b.type === "targets");
  const dynamic = source?.blocks.some((b) => b.type === "dynamic" && b.labels[0] === "targets") ?? true;
  const lined = !dynamic && sourceBlocks !== void 0 && sourceBlocks.length === blocks.length ? sourceBlocks : void 0;
  return blocks.map((block, index) => ({
    index,
    block: isObject(block) ? block : {},
    ...lined !== void 0 ? { line: lined[index].line, endLine: lined[index].endLine } : {}
  }));
}
function locationOf(context, view, block) {
  const file = context.sourceBlock(view.resource)?.file;
  return file === void 0 || block.line === void 0 ? void 0 : context.sources.location(file, block.line, block.endLine);
}
var WRITTEN_DEFAULTS = { weight: 10, instance_id: "", eni_ip: "" };
var WRITTEN_FIELDS = ["port", "weight", "instance_id", "eni_ip"];
function agrees(context, view, block, values) {
  for (let i = 0; i < WRITTEN_FIELDS.length; i++) {
    const value = values[i];
    if (!value.known) continue;
    const name = WRITTEN_FIELDS[i];
    const expression = block[name];
    let written;
    if (expression === void 0) written = WRITTEN_DEFAULTS[name];
    else if (isObject(expression) && "constant_value" in expression) written = expression["constant_value"];
    else {
      const items = resolveWritten(context, view, expression);
      if (items.length !== 1 || items[0].kind !== "constant") continue;
      written = items[0].value;
    }
    if (written === void 0 || written === null) continue;
    if (String(written) !== String(value.value ?? "")) return false;
  }
  return true;
}
function resolveWritten(context, view, expression) {
  if (isObject(expression) && "constant_value" in expression) return [{ kind: "constant", value: expression["constant_value"] }];
  return context.resolver.resolve(expression, view.scope);
}
function numberOf(value, written) {
  if (value.known) return typeof value.value === "number" ? value.value : typeof value.value === "string" && /^\d+$/.test(value.value) ? Number(value.value) : unknown("not set");
  const items = written();
  const only = items?.length === 1 ? items[0] : void 0;
  if (only?.kind === "constant" && typeof only.value === "number") return only.value;
  return unknown(AFTER_APPLY);
}
function instanceOfItems(context, items, dynamic) {
  if (items === void 0) return unknown(dynamic ? DYNAMIC_TARGETS : AFTER_APPLY);
  const links = context.linksOf({ state: "unknown", items }, void 0, []);
  if (links.unknownReason !== void 0) return unknown(links.unknownReason);
  if (links.refs.length === 1) return links.refs[0];
  return unknown(links.refs.length === 0 ? AFTER_APPLY : `the target names ${links.refs.length} instances: ${someOf(links.refs)}`);
}
function ipOfItems(context, items, dynamic) {
  if (items === void 0) return unknown(dynamic ? DYNAMIC_TARGETS : AFTER_APPLY);
  if (items.length !== 1) return unknown(items.length === 0 ? AFTER_APPLY : `depends on ${someOf(items.map(describeItem))}`);
  const item = items[0];
  if (item.kind === "constant") return typeof item.value === "string" && item.value !== "" ? item.value : unknown(`${JSON.stringify(item.value)} is not an IP`);
  if (item.kind === "resource") {
    const state = context.view(item.resource).attribute(item.attribute);
    if (state.state === "set" && typeof state.value === "string") return state.value;
    return unknown(`${describeItem(item)} is ${AFTER_APPLY}`);
  }
  return unknown(item.kind === "external" ? `external: ${item.reason}` : item.reason);
}
function targetGroupMembers(context) {
  const groups = /* @__PURE__ */ new Map();
  for (const resource of context.resources.ofType("tencentcloud_clb_target_group")) {
    const view = context.view(resource);
    const draft = { targets: [], unknownReasons: [] };
    groups.set(resource.address, draft);
    const state = view.attribute(["target_group_instances"]);
    if (state.state === "unknown") draft.unknownReasons.push(`target_group_instances of ${resource.address}: ${AFTER_APPLY}`);
    if (state.state !== "set" || !Array.isArray(state.value)) continue;
    state.value.forEach((_, i) => {
      const ip = view.string(["target_group_instances", i, "bind_ip"]);
      const port = view.number(["target_group_instances", i, "new_port"]) ?? view.number(["target_group_instances", i, "port"]);
      const weight = view.number(["target_group_instances", i, "weight"]);
      draft.targets.push({
        eniIp: ip ?? unknown("bind_ip is not set"),
        port: port ?? unknown("port is not set"),
        ...weight !== void 0 ? { weight } : {},
        via: "targetGroup",
        targetGroup: resource.address,
        provenance: context.provenance(resource, { path: `target_group_instances[${i}]` })
      });
    });
  }
  for (const resource of context.resources.ofType("tencentcloud_clb_target_group_instance_attachment")) {
    const view = context.view(resource);
    const group = view.link(["target_group_id"]);
    if (group === null || isUnknown(group)) {
      context.warn(resource, `cannot tell which target group it joins (${group === null ? "target_group_id is not set" : group.reason}); not checked`);
      continue;
    }
    let draft = groups.get(group);
    if (draft === void 0) {
      draft = { targets: [], unknownReasons: [] };
      groups.set(group, draft);
    }
    const weight = view.number(["weight"]);
    draft.targets.push({
      ...bindTarget(context, view),
      port: view.number(["port"]) ?? unknown("port is not set"),
      ...weight !== void 0 ? { weight } : {},
      via: "targetGroup",
      targetGroup: group,
      provenance: context.provenance(resource)
    });
  }
  return groups;
}
function bindTarget(context, view) {
  const state = view.attribute(["bind_ip"]);
  if (state.state === "unknown") {
    const only = state.items.length === 1 ? state.items[0] : void 0;
    if (only?.kind === "resource" && only.resource.type === "tencentcloud_instance" && only.attribute.length === 1 && only.attribute[0] === "private_ip") return { instance: only.resource.address };
    return { eniIp: ipOfItems(context, state.items, false) };
  }
  if (state.state === "unset") return { eniIp: unknown("bind_ip is not set") };
  return { eniIp: String(state.value) };
}
function bindTargetGroup(context, index, groups, resource, group, listenerRef, ruleRef) {
  let destination;
  if (ruleRef !== null) {
    const rule = isUnknown(ruleRef) ? void 0 : index.rules.get(ruleRef);
    if (rule === void 0) {
      context.warn(resource, `the rule it binds (${isUnknown(ruleRef) ? ruleRef.reason : ruleRef}) is not in this plan; not checked`);
      return;
    }
    destination = { targets: rule.targets, listener: rule.listener };
  } else {
    const listener = listenerOf(context, index, resource, listenerRef);
    if (listener === void 0) return;
    destination = { targets: listener.targets, listener };
  }
  if (group === null || isUnknown(group)) {
    destination.listener.targetsUnknownReasons.push(`the target group of ${resource.address} is ${group === null ? "not set" : group.reason}`);
    return;
  }
  const members2 = groups.get(group);
  if (members2 === void 0) {
    destination.listener.targetsUnknownReasons.push(`target group ${group} is not in this plan`);
    return;
  }
  for (const reason of members2.unknownReasons) destination.listener.targetsUnknownReasons.push(reason);
  for (const target of members2.targets) destination.targets.push({ ...target, via: "targetGroup", targetGroup: group });
}

// src/sources/plan/loadBalancerReader.ts
var PROTOCOLS = ["TCP", "UDP", "TCP_SSL", "HTTP", "HTTPS", "QUIC"];
var SOURCE_TYPE_DEFAULT = "health_source_ip_type is not set: the default is the VIP for accounts older than 2023-02-24 and 100.64.0.0/10 for newer ones";
function readLoadBalancers(context) {
  const extraGroups = clbSecurityGroupAttachments(context);
  const balancers = /* @__PURE__ */ new Map();
  for (const resource of context.resources.ofType("tencentcloud_clb_instance")) {
    const view = context.view(resource);
    balancers.set(resource.address, { base: loadBalancerBase(view, extraGroups.get(resource.address)), listeners: [] });
  }
  for (const target of extraGroups.keys()) if (!balancers.has(target)) context.warn(target, "security groups are attached to it, but it is not in this plan");
  const index = new ListenerIndex();
  for (const resource of context.resources.ofType("tencentcloud_clb_listener")) {
    const view = context.view(resource);
    const lb = view.link(["clb_id"]);
    if (lb === null || isUnknown(lb)) {
      context.warn(resource, `cannot tell which CLB this listener belongs to (${lb === null ? "clb_id is not set" : lb.reason}); not checked`);
      continue;
    }
    let balancer = balancers.get(lb);
    if (balancer === void 0) {
      context.warn(resource, `its CLB ${lb} is not in this plan: checks that need the CLB are unknown`);
      balancer = { base: externalLoadBalancer(lb), listeners: [] };
      balancers.set(lb, balancer);
    }
    const name = view.string(["listener_name"]);
    const endPort = view.number(["end_port"]);
    const draft = {
      base: {
        key: resource.address,
        ...typeof name === "string" ? { name } : {},
        loadBalancer: lb,
        protocol: protocolOf(view),
        port: view.number(["port"]) ?? unknown("the listener has no port"),
        ...endPort !== void 0 ? { endPort } : {},
        healthCheck: healthCheckOf(context, view),
        provenance: context.provenance(resource)
      },
      rules: [],
      targets: [],
      targetsUnknownReasons: []
    };
    balancer.listeners.push(draft);
    index.listeners.set(resource.address, draft);
  }
  for (const resource of context.resources.ofType("tencentcloud_clb_listener_rule")) {
    const view = context.view(resource);
    const listenerRef = view.link(["listener_id"]);
    const listener = listenerRef === null || isUnknown(listenerRef) ? void 0 : index.listeners.get(listenerRef);
    if (listener === void 0) {
      context.warn(resource, `its listener (${listenerRef === null ? "listener_id is not set" : isUnknown(listenerRef) ? listenerRef.reason : listenerRef}) is not in this plan; not checked`);
      continue;
    }
    const rule = {
      base: { key: resource.address, domain: domainOf(view), url: view.string(["url"]) ?? unknown("the rule has no URL"), healthCheck: healthCheckOf(context, view), provenance: context.provenance(resource) },
      listener,
      targets: []
    };
    listener.rules.push(rule);
    index.rules.set(resource.address, rule);
  }
  readTargets(context, index);
  const result2 = /* @__PURE__ */ new Map();
  for (const [key, balancer] of balancers) result2.set(key, { ...balancer.base, listeners: balancer.listeners.map((draft) => index.finish(draft)) });
  return result2;
}
function loadBalancerBase(view, extraGroups) {
  const context = view.context;
  const name = view.string(["clb_name"]);
  const network = view.string(["network_type"]);
  const networkType = network === void 0 ? unknown("network_type is not set") : isUnknown(network) ? network : network.toUpperCase() === "OPEN" ? "OPEN" : network.toUpperCase() === "INTERNAL" ? "INTERNAL" : unknown(`unsupported network_type "${network}"`);
  const open = networkType === "OPEN";
  const subnet = view.link(["subnet_id"]);
  const vpc = view.link(["vpc_id"]);
  const groups = view.links(["security_groups"]);
  let securityGroups = groups === void 0 ? [] : groups.unknownReason !== void 0 ? unknown(groups.unknownReason) : groups.refs;
  if (extraGroups !== void 0) {
    if (isUnknown(extraGroups)) securityGroups = extraGroups;
    else if (!isUnknown(securityGroups)) securityGroups = [...securityGroups, ...extraGroups.filter((g) => !securityGroups.includes(g))];
  }
  return {
    key: view.address,
    ...typeof name === "string" ? { name } : {},
    network: networkType,
    ipVersion: ipVersionOf(view),
    vips: vipsOf(view),
    vpc: vpc ?? unknown("vpc_id is not set: the CLB goes to the default VPC chosen at apply"),
    subnet: subnet ?? (open ? null : unknown("subnet_id is not set")),
    securityGroups,
    passToTarget: view.boolean(["load_balancer_pass_to_target"]) ?? false,
    // Legacy SNAT exists only on private CLBs created before December 2016; Terraform cannot create one.
    snat: false,
    snatPro: view.boolean(["snat_pro"]) ?? false,
    snatIps: snatIpsOf(view),
    provenance: context.provenance(view.resource)
  };
}
function externalLoadBalancer(key) {
  const reason = unknown(`${key} is not in this plan`);
  return { key, network: reason, ipVersion: reason, vips: reason, vpc: reason, subnet: reason, securityGroups: reason, passToTarget: reason, snat: reason, snatPro: reason, snatIps: reason, provenance: { address: key } };
}
function ipVersionOf(view) {
  const value = view.string(["address_ip_version"]);
  if (value === void 0) return "IPV4";
  if (isUnknown(value)) return value;
  const upper = value.toUpperCase();
  if (upper === "IPV4") return "IPV4";
  if (upper === "IPV6" || upper === "IPV6FULLCHAIN") return "IPV6";
  view.context.warn(view.resource, `unsupported address_ip_version "${value}"`);
  return unknown(`unsupported address_ip_version "${value}"`);
}
function vipsOf(view) {
  const vips = [];
  const listed = view.attribute(["clb_vips"]);
  if (listed.state === "set" && Array.isArray(listed.value)) {
    for (const vip of listed.value) if (typeof vip === "string" && vip !== "") vips.push(vip);
  }
  for (const attribute of ["vip", "address_ipv6"]) {
    const value = view.string([attribute]);
    if (typeof value === "string" && !vips.includes(value)) vips.push(value);
  }
  if (vips.length > 0) return vips;
  return unknown(view.resource.created ? AFTER_APPLY : "the plan does not hold the VIP");
}
function snatIpsOf(view) {
  const state = view.attribute(["snat_ips"]);
  if (state.state === "unset") return [];
  if (state.state === "unknown" || !Array.isArray(state.value)) return unknown(AFTER_APPLY);
  return state.value.map((_, i) => {
    const subnet = view.link(["snat_ips", i, "subnet_id"]);
    return { subnet: subnet ?? unknown("subnet_id is not set"), ip: view.string(["snat_ips", i, "ip"]) ?? unknown("allocated from the subnet at apply") };
  });
}
function protocolOf(view) {
  const value = view.string(["protocol"]);
  if (value === void 0) return unknown("the listener has no protocol");
  if (isUnknown(value)) return value;
  const upper = value.toUpperCase();
  if (PROTOCOLS.includes(upper)) return upper;
  view.context.warn(view.resource, `unsupported listener protocol "${value}"`);
  return unknown(`unsupported protocol "${value}"`);
}
function domainOf(view) {
  const domain = view.string(["domain"]);
  if (domain !== void 0) return domain;
  const domains = view.attribute(["domains"]);
  if (domains.state === "set" && Array.isArray(domains.value)) return domains.value.join(",");
  return domains.state === "unknown" ? unknown(AFTER_APPLY) : void 0;
}
function healthCheckOf(context, view) {
  const port = view.number(["health_check_port"]);
  const type = view.string(["health_check_type"]);
  const source = view.number(["health_source_ip_type"]);
  let sourceIpType;
  if (source === void 0) sourceIpType = unknown(SOURCE_TYPE_DEFAULT);
  else if (isUnknown(source)) sourceIpType = source;
  else if (source === 0 || source === 1) sourceIpType = source;
  else {
    context.warn(view.resource, `unsupported health_source_ip_type ${source}`);
    sourceIpType = unknown(`unsupported health_source_ip_type ${source}`);
  }
  return {
    enabled: view.boolean(["health_check_switch"]) ?? true,
    ...port !== void 0 ? { port } : {},
    ...type !== void 0 ? { type: isUnknown(type) ? type : type.toUpperCase() } : {},
    sourceIpType,
    provenance: context.provenance(view.resource, { path: "health_check" })
  };
}
function clbSecurityGroupAttachments(context) {
  const attached = /* @__PURE__ */ new Map();
  for (const resource of context.resources.ofType("tencentcloud_clb_security_group_attachment")) {
    const view = context.view(resource);
    const balancers = view.links(["load_balancer_ids"]);
    if (balancers === void 0 || balancers.unknownReason !== void 0) {
      context.warn(resource, `cannot tell which CLB the security group is attached to (${balancers?.unknownReason ?? "load_balancer_ids is not set"})`);
      continue;
    }
    const group = view.link(["security_group"]);
    for (const lb of balancers.refs) {
      const earlier = attached.get(lb) ?? [];
      if (isUnknown(earlier)) continue;
      attached.set(lb, group === null ? earlier : isUnknown(group) ? group : [...earlier, group]);
    }
  }
  return attached;
}

// src/sources/plan/ruleStringList.ts
function readRuleStrings(view, name) {
  const source = view.context.sourceBlock(view.resource)?.block.attributes.get(name);
  const elements = source === void 0 ? void 0 : listElements(source.tokens);
  const state = view.attribute([name]);
  if (state.state === "unset") return { entries: [] };
  if (state.state === "set") return knownList(view, name, state.value, elements);
  const constants = state.items.filter((item) => item.kind === "constant");
  if (constants.length === 1 && state.items.length === 1) return knownList(view, name, constants[0].value, elements);
  if (elements !== void 0 && elements.every((element) => element.template !== void 0)) {
    const resolve5 = (expression) => view.context.resolver.resolveReferences(referencesIn(tokenize(expression)), view.scope);
    return {
      entries: elements.map((element, index) => ({
        index,
        fields: fieldsOfTemplate(element.template, resolve5),
        text: element.template.map((part) => "literal" in part ? part.literal : "interpolation" in part ? `\${${part.interpolation}}` : "%{\u2026}").join(""),
        line: element.line
      }))
    };
  }
  const mentioned = state.items.filter((item) => item.kind === "resource").map((item) => item.kind === "resource" ? `${item.resource.address}.${item.attribute.join(".")}` : "");
  return { unknownReason: `${name}: ${AFTER_APPLY}${mentioned.length > 0 ? ` (it interpolates ${someOf(mentioned)})` : ""}` };
}
function knownList(view, name, value, elements) {
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === "string")) {
    view.context.warn(view.resource, `${formatPath([name])}: expected a list of strings`);
    return { unknownReason: `${name} has an unexpected shape` };
  }
  const written = elements?.map((element) => element.template !== void 0 && element.template.every((part) => "literal" in part) ? element.template.map((part) => part.literal).join("") : void 0);
  const aligned = elements !== void 0 && elements.length === value.length;
  return {
    entries: value.map((text, index) => {
      let line;
      if (elements !== void 0) {
        const exact = written?.indexOf(text) ?? -1;
        if (aligned && (written?.[index] === text || written?.[index] === void 0)) line = elements[index].line;
        else if (exact >= 0) line = elements[exact].line;
      }
      return { index, fields: fieldsOfText(text), text, ...line !== void 0 ? { line } : {} };
    })
  };
}

// src/sources/plan/networkReader.ts
function readVpcs(context) {
  const vpcs = /* @__PURE__ */ new Map();
  for (const resource of context.resources.ofType("tencentcloud_vpc")) {
    const view = context.view(resource);
    const name = view.string(["name"]);
    vpcs.set(resource.address, { key: resource.address, ...typeof name === "string" ? { name } : {}, cidr: view.string(["cidr_block"]) ?? unknown("the VPC has no CIDR"), provenance: context.provenance(resource) });
  }
  return vpcs;
}
function readSubnets(context) {
  const bindings = /* @__PURE__ */ new Map();
  for (const resource of context.resources.ofType("tencentcloud_vpc_acl_attachment")) {
    const view = context.view(resource);
    const subnet = view.link(["subnet_id"]);
    const acl = view.link(["acl_id"]);
    if (subnet === null || isUnknown(subnet)) {
      context.warn(resource, `cannot tell which subnet this ACL is bound to (${subnet === null ? "subnet_id is not set" : subnet.reason})`);
      continue;
    }
    const bound = acl ?? unknown("acl_id is not set");
    const earlier = bindings.get(subnet);
    if (earlier !== void 0 && earlier !== bound) {
      context.warn(resource, `${subnet} is bound to more than one network ACL`);
      bindings.set(subnet, unknown(`${subnet} is bound to more than one network ACL`));
    } else bindings.set(subnet, bound);
  }
  const subnets = /* @__PURE__ */ new Map();
  for (const resource of context.resources.ofType("tencentcloud_subnet")) {
    const view = context.view(resource);
    const name = view.string(["name"]);
    const vpc = view.link(["vpc_id"]);
    subnets.set(resource.address, {
      key: resource.address,
      ...typeof name === "string" ? { name } : {},
      vpc: vpc ?? unknown("the subnet has no VPC"),
      cidr: view.string(["cidr_block"]) ?? unknown("the subnet has no CIDR"),
      networkAcl: bindings.get(resource.address) ?? null,
      provenance: context.provenance(resource)
    });
  }
  return subnets;
}
function readNetworkAcls(context) {
  const acls = /* @__PURE__ */ new Map();
  for (const resource of context.resources.ofType("tencentcloud_vpc_acl")) {
    const view = context.view(resource);
    const name = view.string(["name"]);
    acls.set(resource.address, {
      key: resource.address,
      ...typeof name === "string" ? { name } : {},
      type: "TRIPLE",
      vpc: view.link(["vpc_id"]) ?? unknown("the ACL has no VPC"),
      ingress: tripleEntries(context, view, "ingress"),
      egress: tripleEntries(context, view, "egress"),
      provenance: context.provenance(resource)
    });
  }
  for (const resource of context.resources.ofType("tencentcloud_vpc_network_acl_quintuple")) {
    const view = context.view(resource);
    const target = view.link(["network_acl_id"]);
    if (target === null || isUnknown(target)) {
      context.warn(resource, `cannot tell which network ACL these entries belong to (${target === null ? "network_acl_id is not set" : target.reason}); not checked`);
      continue;
    }
    const existing = acls.get(target);
    if (existing !== void 0 && (existing.ingress.entries.length > 0 || existing.egress.entries.length > 0)) {
      context.warn(resource, `${target} also has triple entries; the quintuple entries replace them here`);
    }
    acls.set(target, {
      key: target,
      ...existing?.name !== void 0 ? { name: existing.name } : {},
      type: "QUINTUPLE",
      vpc: existing?.vpc ?? unknown(`${target} is not in this plan`),
      ingress: quintupleEntries(context, view, "ingress"),
      egress: quintupleEntries(context, view, "egress"),
      provenance: existing?.provenance ?? { ...context.provenance(resource), address: target }
    });
  }
  return acls;
}
function tripleEntries(context, view, direction) {
  const list = readRuleStrings(view, direction);
  if ("unknownReason" in list) return { entries: [], unknownReason: `${view.address}: ${list.unknownReason}` };
  const block = context.sourceBlock(view.resource);
  return {
    entries: list.entries.map((entry) => {
      const location = entry.line !== void 0 && block !== void 0 ? context.sources.location(block.file, entry.line) : void 0;
      const provenance = context.provenance(view.resource, { path: context.elementPath(direction, entry.index), ...location ? { location } : {} });
      if (entry.fields.length < 4) {
        context.warn(view.resource, `${direction}[${entry.index}] "${entry.text}" is not ACTION#CIDR#PORT#PROTOCOL`);
        const reason = unknown(`"${entry.text}" cannot be read`);
        return { action: reason, protocol: reason, port: reason, peerCidr: reason, provenance };
      }
      const [action, cidr, port, protocol, ...rest] = entry.fields;
      const description = rest.every((f) => "text" in f) ? rest.map((f) => f.text).join("#") : "";
      return {
        action: mapField(action, (text) => ruleAction(text) ?? unknown(`"${text}" is not ACCEPT or DROP`)),
        peerCidr: mapField(cidr, (text) => text, (items) => cidrOfItems(context, items)),
        port: mapField(port, normalizePorts),
        protocol: mapField(protocol, (text) => text.trim() === "" ? "ALL" : text.trim().toUpperCase()),
        ...description !== "" ? { description } : {},
        provenance
      };
    })
  };
}
function mapField(field, read, readItems) {
  if ("text" in field) return read(field.text);
  if ("items" in field) return readItems?.(field.items) ?? unknown(`\${${field.source}} is known only after apply`);
  return unknown(field.unknownReason);
}
function cidrOfItems(context, items) {
  if (items.length !== 1) return unknown(items.length === 0 ? AFTER_APPLY : `depends on ${someOf(items.map(describeItem))}`);
  const item = items[0];
  if (item.kind === "constant") return typeof item.value === "string" ? item.value : unknown(`${JSON.stringify(item.value)} is not a CIDR`);
  if (item.kind === "resource") {
    const state = context.view(item.resource).attribute(item.attribute);
    if (state.state === "set" && typeof state.value === "string") return state.value;
    return unknown(`${describeItem(item)} is ${AFTER_APPLY}`);
  }
  return unknown(item.kind === "external" ? `external: ${item.reason}` : item.reason);
}
function quintupleEntries(context, view, direction) {
  const path = ["network_acl_quintuple_set", 0, direction];
  const state = view.attribute(path);
  if (state.state === "unset") return { entries: [] };
  if (state.state === "unknown" || !Array.isArray(state.value)) return { entries: [], unknownReason: `${direction} of ${view.address}: ${AFTER_APPLY}` };
  const entries = state.value.map((_, index) => {
    const at = (name) => view.string([...path, index, name]);
    const text = (name, fallback) => at(name) ?? fallback;
    const actionText = at("action");
    const action = actionText === void 0 ? unknown("the action is not set") : isUnknown(actionText) ? actionText : ruleAction(actionText) ?? unknown(`"${actionText}" is not ACCEPT or DROP`);
    const inbound = direction === "ingress";
    const ports = (name) => {
      const value = text(name, "ALL");
      return isUnknown(value) ? value : normalizePorts(value);
    };
    const protocol = text("protocol", "ALL");
    const description = at("description");
    const priority = view.number([...path, index, "priority"]);
    const entry = {
      action,
      protocol: isUnknown(protocol) ? protocol : protocol.toUpperCase(),
      port: ports("destination_port"),
      peerCidr: text(inbound ? "source_cidr" : "destination_cidr", "0.0.0.0/0"),
      localCidr: text(inbound ? "destination_cidr" : "source_cidr", "0.0.0.0/0"),
      sourcePort: ports("source_port"),
      ...typeof description === "string" ? { description } : {},
      provenance: context.provenance(view.resource, { path: `network_acl_quintuple_set[0].${direction}[${index}]` })
    };
    return { entry, priority: typeof priority === "number" ? priority : void 0, index };
  });
  if (entries.every((e) => e.priority !== void 0)) entries.sort((a, b) => a.priority - b.priority || a.index - b.index);
  return { entries: entries.map((e) => e.entry) };
}

// src/sources/plan/planFileReader.ts
import { closeSync, openSync, readSync } from "node:fs";

// src/sources/plan/planJsonText.ts
function parsePlanJsonText(text, file) {
  const body = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  if (body.trim() === "") throw new InputError("the file is empty; expected the output of `terraform show -json PLANFILE`", { file });
  if (body.startsWith("PK")) {
    throw new InputError("this is a binary plan file; convert it with `terraform show -json PLANFILE > plan.json` and pass the JSON", { file });
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    throw describeJsonError(body, file, error);
  }
}
function describeJsonError(text, file, error) {
  const located = locateJsonError(text);
  const place = located === void 0 ? void 0 : `line ${located.line} column ${located.column}`;
  if (/^\s*\[command\]/.test(text)) {
    return new InputError(
      'not JSON: the file starts with "[command]\u2026", the output of the hashicorp/setup-terraform wrapper; set `terraform_wrapper: false` or write the plan JSON with `terraform show -json PLANFILE > plan.json`',
      { file, place: "line 1" }
    );
  }
  if (located?.truncated) {
    return new InputError(`truncated JSON: the text ends inside ${located.message}; was the output cut off?`, { file, ...place ? { place } : {} });
  }
  const reason = located?.message ?? (error instanceof Error ? error.message : String(error));
  return new InputError(`not JSON: ${reason}`, { file, ...place ? { place } : {} });
}
function locateJsonError(text) {
  const stack = [];
  let i = 0;
  let expect = "value";
  const at = (offset, message, truncated = false) => {
    let line = 1;
    let lineStart = 0;
    for (let j = 0; j < offset && j < text.length; j++) {
      if (text.charCodeAt(j) === 10) {
        line++;
        lineStart = j + 1;
      }
    }
    return { line, column: offset - lineStart + 1, message, truncated };
  };
  const openDescription = () => {
    const top = stack[stack.length - 1];
    if (top === "object") return "an object";
    if (top === "array") return "an array";
    return "a value";
  };
  const describeChar = (offset) => {
    const ch = text[offset];
    return ch === void 0 ? "the end" : JSON.stringify(ch);
  };
  while (true) {
    while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "	")) i++;
    if (i >= text.length) {
      if (expect === "end") return void 0;
      return at(i, stack.length > 0 ? openDescription() : "a value", true);
    }
    const ch = text[i];
    switch (expect) {
      case "end":
        return at(i, `unexpected ${describeChar(i)} after the end of the document`);
      case "colon":
        if (ch !== ":") return at(i, `expected ':' after a property name, found ${describeChar(i)}`);
        i++;
        expect = "value";
        continue;
      case "separator": {
        const top = stack[stack.length - 1];
        if (ch === ",") {
          i++;
          expect = top === "object" ? "key" : "value";
          continue;
        }
        if (ch === "}" && top === "object" || ch === "]" && top === "array") {
          stack.pop();
          i++;
          expect = stack.length === 0 ? "end" : "separator";
          continue;
        }
        return at(i, `expected ',' or '${top === "object" ? "}" : "]"}' after a value, found ${describeChar(i)}`);
      }
      case "key":
      case "firstKey": {
        if (ch === "}" && expect === "firstKey") {
          stack.pop();
          i++;
          expect = stack.length === 0 ? "end" : "separator";
          continue;
        }
        if (ch !== '"') return at(i, `expected a double-quoted property name, found ${describeChar(i)}`);
        const end = scanString(text, i);
        if (end.error !== void 0) return at(end.offset, end.error, end.truncated);
        i = end.offset;
        expect = "colon";
        continue;
      }
      case "value":
      case "firstValue": {
        if (ch === "]" && expect === "firstValue") {
          stack.pop();
          i++;
          expect = stack.length === 0 ? "end" : "separator";
          continue;
        }
        if (ch === "{") {
          stack.push("object");
          i++;
          expect = "firstKey";
          continue;
        }
        if (ch === "[") {
          stack.push("array");
          i++;
          expect = "firstValue";
          continue;
        }
        if (ch === '"') {
          const end = scanString(text, i);
          if (end.error !== void 0) return at(end.offset, end.error, end.truncated);
          i = end.offset;
        } else {
          const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
          if (literal === null) {
            const word = /^[^\s,:[\]{}]{1,20}/.exec(text.slice(i, i + 20))?.[0] ?? text[i];
            if (i + word.length >= text.length && /^(t|tr|tru|f|fa|fal|fals|n|nu|nul|-)$/.test(word)) return at(i, "a value", true);
            return at(i, `unexpected ${JSON.stringify(word)} where a value was expected`);
          }
          i += literal[0].length;
        }
        expect = stack.length === 0 ? "end" : "separator";
        continue;
      }
    }
  }
}
function scanString(text, start) {
  let j = start + 1;
  while (j < text.length) {
    const code = text.charCodeAt(j);
    if (code === 34) return { offset: j + 1 };
    if (code === 92) {
      const next = text[j + 1];
      if (next === void 0) break;
      if (next === "u") {
        if (j + 6 > text.length) break;
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return { offset: j, error: "invalid \\u escape in a string" };
        j += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(next)) return { offset: j, error: `invalid escape \\${next} in a string` };
      j += 2;
      continue;
    }
    if (code < 32) return { offset: j, error: "a control character (such as a raw line break) inside a string" };
    j++;
  }
  return { offset: text.length, error: "a string", truncated: true };
}

// src/sources/plan/planFileReader.ts
function readPlanFile(path, file, readText) {
  try {
    return new SelectivePlanReader(path).read();
  } catch (error) {
    if (!(error instanceof FallBack)) throw error;
  }
  return parsePlanJsonText(readText(), file);
}
var FallBack = class extends Error {
};
var CHUNK = 1 << 20;
var SKIPPED = /* @__PURE__ */ new Set(["relevant_attributes", "output_changes", "resource_drift", "checks", "deferred_changes", "values", "resources"]);
var SelectivePlanReader = class {
  fd;
  chunk = Buffer.alloc(0);
  position = 0;
  /** File offset of `chunk[0]`. */
  chunkOffset = 0;
  ended = false;
  /** Addresses that have a resource change: their prior-state copies are not needed. */
  changed = /* @__PURE__ */ new Set();
  constructor(path) {
    this.fd = openSync(path, "r");
  }
  read() {
    try {
      return this.readRoot();
    } finally {
      closeSync(this.fd);
    }
  }
  readRoot() {
    this.skipBom();
    const root = {};
    let plannedValues;
    this.objectEntries((key) => {
      if (key === "resource_changes") root[key] = this.resourceChanges();
      else if (key === "prior_state") root[key] = this.priorState();
      else if (key === "planned_values") {
        const start = this.offset();
        this.skipValue();
        plannedValues = { start, end: this.offset() };
        root[key] = {};
      } else if (SKIPPED.has(key)) {
        this.skipValue();
        root[key] = {};
      } else root[key] = this.parseValue();
    });
    this.skipWhitespace();
    if (!this.atEnd()) throw new FallBack();
    const changes = root["resource_changes"];
    if (plannedValues !== void 0 && (!Array.isArray(changes) || changes.length === 0)) root["planned_values"] = this.parseRange(plannedValues.start, plannedValues.end);
    return root;
  }
  resourceChanges() {
    const changes = [];
    this.expect(
      91
      /* [ */
    );
    this.arrayElements(() => {
      const change = this.parseValue();
      const trimmed = trimChange(change);
      if (trimmed === void 0) return;
      if (typeof trimmed["address"] === "string" && trimmed["mode"] === "managed") this.changed.add(trimmed["address"]);
      changes.push(trimmed);
    });
    return changes;
  }
  priorState() {
    const state = {};
    this.objectEntries((key) => {
      if (key === "values") {
        const values = {};
        this.objectEntries((valuesKey) => {
          if (valuesKey === "root_module") values[valuesKey] = this.stateModule();
          else this.skipValue();
        });
        state[key] = values;
      } else state[key] = this.parseValue();
    });
    return state;
  }
  stateModule() {
    const module = {};
    this.objectEntries((key) => {
      if (key === "resources") {
        const resources = [];
        this.expect(91);
        this.arrayElements(() => {
          const resource = this.parseValue();
          if (!isObject(resource) || resource["mode"] !== "managed") return;
          if (typeof resource["address"] === "string" && this.changed.has(resource["address"])) return;
          resources.push(resource);
        });
        module[key] = resources;
      } else if (key === "child_modules") {
        const children = [];
        this.expect(91);
        this.arrayElements(() => children.push(this.stateModule()));
        module[key] = children;
      } else module[key] = this.parseValue();
    });
    return module;
  }
  // ---- structure ---------------------------------------------------------------------------
  /** `{ "key": value, … }`: the callback must consume the value. */
  objectEntries(onEntry) {
    this.expect(
      123
      /* { */
    );
    this.skipWhitespace();
    if (this.peek() === 125) {
      this.position++;
      return;
    }
    for (; ; ) {
      this.skipWhitespace();
      const key = this.parseValue();
      if (typeof key !== "string") throw new FallBack();
      this.expect(
        58
        /* : */
      );
      onEntry(key);
      this.skipWhitespace();
      const next = this.next();
      if (next === 125) return;
      if (next !== 44) throw new FallBack();
    }
  }
  /** The elements of an array whose `[` was consumed: the callback must consume each. */
  arrayElements(onElement) {
    this.skipWhitespace();
    if (this.peek() === 93) {
      this.position++;
      return;
    }
    for (; ; ) {
      onElement();
      this.skipWhitespace();
      const next = this.next();
      if (next === 93) return;
      if (next !== 44) throw new FallBack();
    }
  }
  expect(byte) {
    this.skipWhitespace();
    if (this.next() !== byte) throw new FallBack();
  }
  /** One JSON value, parsed natively from its own bytes. */
  parseValue() {
    this.skipWhitespace();
    const pieces = [];
    this.scanValue(pieces);
    const bytes = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
    try {
      return JSON.parse(bytes.toString("utf8"));
    } catch {
      throw new FallBack();
    }
  }
  skipValue() {
    this.skipWhitespace();
    this.scanValue(void 0);
  }
  /**
   * Finds the end of the value at the current position, tracking strings and nesting only; the
   * bytes go to `pieces` when given. This loop touches every byte of the file, so it is plain.
   */
  scanValue(pieces) {
    this.fill();
    let depth = 0;
    let inString = false;
    let escaped = false;
    const first = this.peek();
    const scalar = first !== 123 && first !== 91 && first !== 34;
    for (; ; ) {
      const chunk = this.chunk;
      const length = chunk.length;
      let i = this.position;
      const start = i;
      let done = false;
      for (; i < length; i++) {
        const c = chunk[i];
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) {
            inString = false;
            if (depth === 0) {
              i++;
              done = true;
              break;
            }
          }
          continue;
        }
        if (scalar) {
          if (c === 44 || c === 125 || c === 93 || c === 32 || c === 10 || c === 13 || c === 9) {
            done = true;
            break;
          }
          continue;
        }
        if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth++;
        else if (c === 125 || c === 93) {
          depth--;
          if (depth === 0) {
            i++;
            done = true;
            break;
          }
        }
      }
      if (pieces !== void 0 && i > start) pieces.push(chunk.subarray(start, i));
      this.position = i;
      if (done) return;
      if (!this.refill()) {
        if (scalar && i > start) return;
        throw new FallBack();
      }
    }
  }
  // ---- bytes -------------------------------------------------------------------------------
  offset() {
    return this.chunkOffset + this.position;
  }
  fill() {
    if (this.position >= this.chunk.length) this.refill();
  }
  /** Reads the next chunk into a fresh buffer, so slices of the previous one stay valid. */
  refill() {
    if (this.ended) return false;
    const buffer = Buffer.allocUnsafe(CHUNK);
    const read = readSync(this.fd, buffer, 0, CHUNK, null);
    this.chunkOffset += this.chunk.length;
    this.position = 0;
    if (read <= 0) {
      this.ended = true;
      this.chunk = Buffer.alloc(0);
      return false;
    }
    this.chunk = read === CHUNK ? buffer : buffer.subarray(0, read);
    return true;
  }
  peek() {
    this.fill();
    return this.position < this.chunk.length ? this.chunk[this.position] : -1;
  }
  next() {
    const byte = this.peek();
    if (byte >= 0) this.position++;
    return byte;
  }
  atEnd() {
    return this.peek() < 0;
  }
  skipWhitespace() {
    for (; ; ) {
      const byte = this.peek();
      if (byte !== 32 && byte !== 10 && byte !== 13 && byte !== 9) return;
      this.position++;
    }
  }
  skipBom() {
    if (this.peek() === 239) {
      this.position++;
      if (this.next() !== 187 || this.next() !== 191) throw new FallBack();
    }
    this.skipWhitespace();
    if (this.peek() !== 123) throw new FallBack();
  }
  parseRange(start, end) {
    const buffer = Buffer.allocUnsafe(end - start);
    readSync(this.fd, buffer, 0, end - start, start);
    try {
      return JSON.parse(buffer.toString("utf8"));
    } catch {
      throw new FallBack();
    }
  }
};
function trimChange(change) {
  if (!isObject(change)) return void 0;
  if (change["mode"] === "data") return void 0;
  const body = change["change"];
  const trimmed = {};
  for (const key of ["address", "module_address", "mode", "type", "name", "index", "deposed"]) if (key in change) trimmed[key] = change[key];
  if (isObject(body)) trimmed["change"] = { actions: body["actions"], after: body["after"], after_unknown: body["after_unknown"] };
  else if ("change" in change) trimmed["change"] = body;
  return trimmed;
}

// src/sources/plan/terraformAddress.ts
function isNameStart(code) {
  return code >= 65 && code <= 90 || code >= 97 && code <= 122 || code === 95;
}
function isNameChar(code) {
  return isNameStart(code) || code >= 48 && code <= 57 || code === 45;
}
function parseTraversal(text) {
  const steps = [];
  let i = 0;
  const readName = () => {
    if (i >= text.length || !isNameStart(text.charCodeAt(i))) return void 0;
    const start = i;
    i++;
    while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
    return text.slice(start, i);
  };
  const first = readName();
  if (first === void 0) return void 0;
  steps.push({ name: first });
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 46) {
      i++;
      const name = readName();
      if (name === void 0) break;
      steps.push({ name });
    } else if (code === 91) {
      const key = readKey(text, i + 1);
      if (key === void 0) break;
      steps.push({ key: key.value });
      i = key.end;
    } else {
      break;
    }
  }
  return steps;
}
function readKey(text, start) {
  if (text[start] === '"') {
    let j = start + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
    if (text[j + 1] !== "]") return void 0;
    try {
      return { value: JSON.parse(text.slice(start, j + 1)), end: j + 2 };
    } catch {
      return void 0;
    }
  }
  const match = /^(\d+)\]/.exec(text.slice(start, start + 12));
  if (match === null) return void 0;
  return { value: Number(match[1]), end: start + match[0].length };
}
function formatKey(key) {
  if (key === void 0) return "";
  return typeof key === "number" ? `[${key}]` : `[${JSON.stringify(key)}]`;
}
var prefixes = /* @__PURE__ */ new WeakMap();
function modulePrefix(module) {
  if (module.length === 0) return "";
  let prefix = prefixes.get(module);
  if (prefix === void 0) {
    prefix = module.map((step) => `module.${step.name}${formatKey(step.key)}.`).join("");
    prefixes.set(module, prefix);
  }
  return prefix;
}
function formatResource(address) {
  return `${modulePrefix(address.module)}${address.mode === "data" ? "data." : ""}${address.type}.${address.name}`;
}
function formatResourceAddress(address) {
  return `${formatResource(address)}${formatKey(address.key)}`;
}
function parseModulePath(text) {
  if (text === "") return [];
  const steps = parseTraversal(text);
  if (steps === void 0) return void 0;
  const module = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (!("name" in step) || step.name !== "module") return void 0;
    const name = steps[i + 1];
    if (name === void 0 || !("name" in name)) return void 0;
    const key = steps[i + 2];
    if (key !== void 0 && "key" in key) {
      module.push({ name: name.name, key: key.key });
      i += 2;
    } else {
      module.push({ name: name.name });
      i += 1;
    }
  }
  return module;
}
function parseResourceAddress(text) {
  const steps = parseTraversal(text);
  if (steps === void 0) return void 0;
  const module = [];
  let i = 0;
  while (i < steps.length) {
    const step = steps[i];
    if (!("name" in step) || step.name !== "module") break;
    const name2 = steps[i + 1];
    if (name2 === void 0 || !("name" in name2)) return void 0;
    const key2 = steps[i + 2];
    if (key2 !== void 0 && "key" in key2) {
      module.push({ name: name2.name, key: key2.key });
      i += 3;
    } else {
      module.push({ name: name2.name });
      i += 2;
    }
  }
  let mode = "managed";
  const head = steps[i];
  if (head !== void 0 && "name" in head && head.name === "data") {
    mode = "data";
    i++;
  }
  const type = steps[i];
  const name = steps[i + 1];
  if (type === void 0 || name === void 0 || !("name" in type) || !("name" in name)) return void 0;
  const key = steps[i + 2];
  const rest = steps.length - (i + 2);
  if (rest > 1 || rest === 1 && !(key !== void 0 && "key" in key)) return void 0;
  return { module, mode, type: type.name, name: name.name, ...key !== void 0 && "key" in key ? { key: key.key } : {} };
}
function canonicalAddress(text) {
  const parsed = parseResourceAddress(text);
  return parsed === void 0 ? text : formatResourceAddress(parsed);
}
function compareKeys(a, b) {
  if (a === b) return 0;
  if (a === void 0) return -1;
  if (b === void 0) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : 1;
}

// src/sources/plan/planResources.ts
var PlanResources = class {
  byAddress = /* @__PURE__ */ new Map();
  byResource = /* @__PURE__ */ new Map();
  byType = /* @__PURE__ */ new Map();
  /** Addresses the plan deletes: never read from prior state. */
  deleted = /* @__PURE__ */ new Set();
  /** Module instances that hold at least one resource, for `module.x` references without a key. */
  moduleInstances = /* @__PURE__ */ new Map();
  constructor(document, warnings) {
    document.resourceChanges.forEach((change, index) => this.addChange(change, index, warnings));
    const prior = isObject(document.priorState?.["values"]) ? document.priorState["values"] : void 0;
    if (prior !== void 0) this.addModuleValues(prior["root_module"], false);
    if (document.plannedValues !== void 0) this.addModuleValues(document.plannedValues["root_module"], true);
    for (const list of this.byResource.values()) list.sort((a, b) => compareKeys(a.key, b.key));
  }
  /** The instances of a resource (`tencentcloud_instance.web` → `[0]`, `[1]`), in key order. */
  instancesOf(resourceAddress) {
    return this.byResource.get(resourceAddress) ?? [];
  }
  /** The instances of a module call under a parent module instance, e.g. `module.internal["blue"]`. */
  moduleInstancesOf(parent, call) {
    return this.moduleInstances.get(moduleCallKey(parent, call)) ?? [];
  }
  /** Instances of one resource type, in plan order. */
  ofType(type) {
    return this.byType.get(type) ?? [];
  }
  addChange(change, index, warnings) {
    if (!isObject(change)) {
      warnings.push({ message: `/resource_changes/${index} is not an object; skipped` });
      return;
    }
    if (change["mode"] !== "managed" || change["deposed"] !== void 0) return;
    const address = typeof change["address"] === "string" ? change["address"] : void 0;
    const body = change["change"];
    if (address === void 0 || !isObject(body) || !Array.isArray(body["actions"])) {
      warnings.push({ ...address ? { address } : {}, message: `/resource_changes/${index} has no address or change.actions; skipped` });
      return;
    }
    const actions = body["actions"];
    const parsed = this.addressOf(change, address);
    if (parsed === void 0) {
      warnings.push({ address, message: "cannot read this resource address; skipped" });
      return;
    }
    const canonical = parsed.address;
    const removed = actions.length === 1 && (actions[0] === "delete" || actions[0] === "forget");
    if (removed) {
      this.deleted.add(canonical);
      return;
    }
    const after = body["after"];
    if (!isObject(after)) {
      if (after !== null) warnings.push({ address, message: "change.after is not an object; skipped" });
      return;
    }
    this.add({
      address: canonical,
      module: parsed.module,
      type: parsed.type,
      name: parsed.name,
      ...parsed.key !== void 0 ? { key: parsed.key } : {},
      values: after,
      unknown: body["after_unknown"] ?? {},
      created: actions.includes("create")
    });
  }
  addModuleValues(module, planned) {
    if (!isObject(module)) return;
    const resources = module["resources"];
    if (Array.isArray(resources)) {
      for (const resource of resources) {
        if (!isObject(resource) || resource["mode"] !== "managed" || typeof resource["address"] !== "string") continue;
        if (resource["deposed_key"] !== void 0) continue;
        const parsed = this.addressOf(resource, resource["address"]);
        if (parsed === void 0) continue;
        const canonical = parsed.address;
        if (this.byAddress.has(canonical) || this.deleted.has(canonical)) continue;
        const values = resource["values"];
        if (!isObject(values)) continue;
        this.add({
          address: canonical,
          module: parsed.module,
          type: parsed.type,
          name: parsed.name,
          ...parsed.key !== void 0 ? { key: parsed.key } : {},
          values,
          // planned_values leaves unknown values out; without resource_changes we cannot tell them from unset.
          unknown: {},
          created: planned
        });
      }
    }
    const children = module["child_modules"];
    if (Array.isArray(children)) for (const child3 of children) this.addModuleValues(child3, planned);
  }
  modulePaths = /* @__PURE__ */ new Map();
  seenModules = /* @__PURE__ */ new WeakSet();
  strings = /* @__PURE__ */ new Map();
  /** One copy of each type and name: a large plan repeats them hundreds of thousands of times. */
  intern(text) {
    const known = this.strings.get(text);
    if (known !== void 0) return known;
    this.strings.set(text, text);
    return text;
  }
  /**
   * The plan spells out `type`, `name`, `index` and `module_address` next to `address`; using
   * them avoids parsing every address (a large plan has hundreds of thousands).
   */
  addressOf(entry, address) {
    const type = entry["type"];
    const name = entry["name"];
    const index = entry["index"];
    const moduleAddress = entry["module_address"] ?? "";
    if (typeof type === "string" && typeof name === "string" && typeof moduleAddress === "string" && (index === void 0 || typeof index === "number" || typeof index === "string")) {
      let module = this.modulePaths.get(moduleAddress);
      if (module === void 0 && !this.modulePaths.has(moduleAddress)) {
        module = parseModulePath(moduleAddress);
        this.modulePaths.set(moduleAddress, module);
      }
      if (module !== void 0) {
        const parsed2 = { module, mode: "managed", type: this.intern(type), name: this.intern(name), ...index !== void 0 ? { key: index } : {} };
        const canonical = formatResourceAddress(parsed2);
        if (canonical === address) return { ...parsed2, address };
        if (canonicalAddress(address) === canonical) return { ...parsed2, address: canonical };
      }
    }
    const parsed = parseResourceAddress(address);
    return parsed === void 0 ? void 0 : { ...parsed, address: formatResourceAddress(parsed) };
  }
  add(resource) {
    this.byAddress.set(resource.address, resource);
    const resourceAddress = formatResource({ module: resource.module, mode: "managed", type: resource.type, name: resource.name });
    const list = this.byResource.get(resourceAddress);
    if (list === void 0) this.byResource.set(resourceAddress, [resource]);
    else list.push(resource);
    const typed = this.byType.get(resource.type);
    if (typed === void 0) this.byType.set(resource.type, [resource]);
    else typed.push(resource);
    for (let depth = 1; depth <= resource.module.length && !this.seenModules.has(resource.module); depth++) {
      const instance = resource.module.slice(0, depth);
      const key = moduleCallKey(instance.slice(0, -1), instance[depth - 1].name);
      const known = this.moduleInstances.get(key) ?? [];
      const last = instance[depth - 1];
      if (!known.some((m) => m[depth - 1].key === last.key)) {
        known.push(instance);
        known.sort((a, b) => compareKeys(a[depth - 1].key, b[depth - 1].key));
        this.moduleInstances.set(key, known);
      }
    }
    if (resource.module.length > 0) this.seenModules.add(resource.module);
  }
};
function moduleCallKey(parent, call) {
  return `${parent.map((s) => `${s.name}${s.key === void 0 ? "" : `[${JSON.stringify(s.key)}]`}`).join(".")}|${call}`;
}

// src/sources/plan/referenceResolver.ts
var MAX_DEPTH = 24;
var ReferenceResolver = class {
  constructor(config, resources, rootVariables, sources) {
    this.config = config;
    this.resources = resources;
    this.rootVariables = rootVariables;
    this.sources = sources;
  }
  config;
  resources;
  rootVariables;
  sources;
  variableCache = /* @__PURE__ */ new Map();
  localCache = /* @__PURE__ */ new Map();
  /** The scope of a resource instance's own expressions. */
  scopeOf(resource, config = this.config.resource(resource.module, "managed", resource.type, resource.name)) {
    return {
      module: resource.module,
      ...resource.key !== void 0 ? { key: resource.key } : {},
      ...config?.forEachExpression ? { forEach: { expression: config.forEachExpression, scope: { module: resource.module } } } : {}
    };
  }
  /** An expression object (`constant_value` / `references`); undefined or nested blocks give nothing. */
  resolve(expression, scope, depth = 0) {
    if (!isObject(expression)) return [];
    if ("constant_value" in expression) return [{ kind: "constant", value: expression["constant_value"] }];
    const references = expression["references"];
    if (Array.isArray(references)) return this.resolveReferences(references.filter((r) => typeof r === "string"), scope, depth);
    return [{ kind: "opaque", reason: "an expression the plan does not describe" }];
  }
  resolveReferences(references, scope, depth = 0) {
    if (depth > MAX_DEPTH) return [{ kind: "opaque", reason: "a reference chain too long to follow" }];
    const kept = [];
    let sameKey = false;
    for (const reference of references) {
      if (reference === "count.index" || reference === "each.key") sameKey = true;
      if (kept.some((k) => k.length > reference.length && k.startsWith(reference) && (k[reference.length] === "." || k[reference.length] === "["))) continue;
      if (!kept.includes(reference)) kept.push(reference);
    }
    if (sameKey && kept.length > 1) {
      const values = kept.filter((k) => k !== "count.index" && k !== "each.key");
      kept.length = 0;
      kept.push(...values);
    }
    if (kept.length === 1) {
      const steps = parseTraversal(kept[0]);
      return steps === void 0 ? [] : this.resolveTraversal(steps, scope, depth, sameKey);
    }
    const out = [];
    const seen = /* @__PURE__ */ new Set();
    for (const reference of kept) {
      const steps = parseTraversal(reference);
      if (steps === void 0) continue;
      for (const item of this.resolveTraversal(steps, scope, depth, sameKey)) {
        const id = item.kind === "resource" ? `r:${item.resource.address}:${item.attribute.join(".")}` : item.kind === "constant" ? void 0 : `${item.kind}:${item.reason}`;
        if (id !== void 0) {
          if (seen.has(id)) continue;
          seen.add(id);
        }
        out.push(item);
      }
    }
    return out;
  }
  resolveTraversal(steps, scope, depth, sameKey) {
    const head = nameAt(steps, 0);
    switch (head) {
      case void 0:
        return [];
      case "var": {
        const name = nameAt(steps, 1);
        if (name === void 0) return [];
        return applyRest(this.variable(name, scope.module, depth), steps.slice(2));
      }
      case "local": {
        const name = nameAt(steps, 1);
        if (name === void 0) return [];
        return applyRest(this.local(name, scope.module, depth), steps.slice(2));
      }
      case "module":
        return this.moduleOutput(steps, scope, depth);
      case "data": {
        const type = nameAt(steps, 1);
        const name = nameAt(steps, 2);
        return [{ kind: "external", reason: `data source data.${type}.${name}` }];
      }
      case "each": {
        const what = nameAt(steps, 1);
        if (what === "key") return scope.key === void 0 ? [] : [{ kind: "constant", value: scope.key }];
        if (what === "value") return applyRest(this.eachValue(scope, depth), steps.slice(2));
        return [];
      }
      case "count":
        return scope.key === void 0 ? [] : [{ kind: "constant", value: scope.key }];
      case "path":
      case "terraform":
      case "self":
        return [];
      default:
        return this.resource(steps, scope, sameKey);
    }
  }
  resource(steps, scope, sameKey) {
    const type = nameAt(steps, 0);
    const name = nameAt(steps, 1);
    if (name === void 0) return [];
    const keyStep = steps[2];
    const key = keyStep !== void 0 && "key" in keyStep ? keyStep.key : void 0;
    const attribute = pathOf(steps.slice(key === void 0 ? 2 : 3));
    const instances = this.resources.instancesOf(formatResource({ module: scope.module, mode: "managed", type, name }));
    if (key !== void 0) {
      const instance = instances.find((r) => r.key === key);
      return instance === void 0 ? [] : [{ kind: "resource", resource: instance, attribute }];
    }
    if (sameKey && scope.key !== void 0 && instances.length > 1) {
      const mine = instances.find((r) => r.key === scope.key);
      if (mine !== void 0) return [{ kind: "resource", resource: mine, attribute }];
    }
    return instances.map((resource) => ({ kind: "resource", resource, attribute }));
  }
  variable(name, module, depth) {
    const cacheKey = `${JSON.stringify(module)}|${name}`;
    const cached = this.variableCache.get(cacheKey);
    if (cached !== void 0) return cached;
    let result2;
    if (module.length === 0) {
      const value = this.rootVariables.has(name) ? this.rootVariables.get(name) : this.config.root.variables.get(name) ?? null;
      result2 = [{ kind: "constant", value }];
    } else {
      const parent = module.slice(0, -1);
      const last = module[module.length - 1];
      const call = this.config.call(parent, last.name);
      const expression = call?.expressions[name];
      if (call === void 0) result2 = [{ kind: "opaque", reason: `var.${name}: module ${last.name} is not in the configuration` }];
      else if (expression === void 0) result2 = [{ kind: "constant", value: call.module.variables.get(name) ?? null }];
      else {
        const callScope = {
          module: parent,
          ...last.key !== void 0 ? { key: last.key } : {},
          ...call.forEachExpression ? { forEach: { expression: call.forEachExpression, scope: { module: parent } } } : {}
        };
        result2 = this.resolve(expression, callScope, depth + 1);
      }
    }
    this.variableCache.set(cacheKey, result2);
    return result2;
  }
  /** Locals are not in the plan JSON: read them from the module's `.tf` files when we have them. */
  local(name, module, depth) {
    const cacheKey = `${JSON.stringify(module)}|${name}`;
    const cached = this.localCache.get(cacheKey);
    if (cached !== void 0) return cached;
    this.localCache.set(cacheKey, [{ kind: "opaque", reason: `local.${name} refers to itself` }]);
    const found = this.sources.local(this.config.module(module)?.dir, name);
    let result2;
    if (found === void 0) result2 = [{ kind: "opaque", reason: `local.${name} (locals are not in the plan JSON and the .tf files were not found)` }];
    else {
      const literal = literalValue(found.attribute.tokens);
      if (literal !== void 0) result2 = [{ kind: "constant", value: literal.value }];
      else {
        const references = referencesIn(found.attribute.tokens).filter((r) => plausibleReference(r));
        result2 = references.length === 0 ? [{ kind: "opaque", reason: `local.${name} is an expression that cannot be evaluated here` }] : this.resolveReferences(references, { module }, depth + 1);
      }
    }
    this.localCache.set(cacheKey, result2);
    return result2;
  }
  moduleOutput(steps, scope, depth) {
    const call = nameAt(steps, 1);
    if (call === void 0) return [];
    const keyStep = steps[2];
    const key = keyStep !== void 0 && "key" in keyStep ? keyStep.key : void 0;
    const outputIndex = key === void 0 ? 2 : 3;
    const output = nameAt(steps, outputIndex);
    const config = this.config.call(scope.module, call);
    if (config === void 0) return [{ kind: "opaque", reason: `module.${call} is not in the configuration` }];
    if (output === void 0) return [{ kind: "opaque", reason: `the whole of module.${call}` }];
    const expression = config.module.outputs.get(output);
    if (expression === void 0) return [{ kind: "opaque", reason: `module.${call}.${output} is not an output of that module` }];
    let instances;
    if (key !== void 0) instances = [[...scope.module, { name: call, key }]];
    else if (config.countExpression !== void 0 || config.forEachExpression !== void 0) instances = [...this.resources.moduleInstancesOf(scope.module, call)];
    else instances = [[...scope.module, { name: call }]];
    const out = [];
    for (const instance of instances) out.push(...applyRest(this.resolve(expression, { module: instance }, depth + 1), steps.slice(outputIndex + 1)));
    return out;
  }
  eachValue(scope, depth) {
    const forEach = scope.forEach;
    if (forEach === void 0 || scope.key === void 0) return [{ kind: "opaque", reason: "each.value outside a for_each" }];
    const items = this.resolve(forEach.expression, forEach.scope, depth + 1);
    const out = [];
    for (const item of items) {
      if (item.kind === "resource") {
        if (item.resource.key === scope.key && item.attribute.length === 0) out.push(item);
      } else if (item.kind === "constant") {
        const value = item.value;
        if (Array.isArray(value)) out.push({ kind: "constant", value: scope.key });
        else if (isObject(value)) out.push({ kind: "constant", value: value[String(scope.key)] ?? null });
      } else out.push(item);
    }
    return out.length > 0 ? out : [{ kind: "opaque", reason: "the for_each value could not be followed" }];
  }
};
function nameAt(steps, index) {
  const step = steps[index];
  return step !== void 0 && "name" in step ? step.name : void 0;
}
function pathOf(steps) {
  return steps.map((step) => "name" in step ? step.name : step.key);
}
function applyRest(items, rest) {
  if (rest.length === 0) return items;
  const path = pathOf(rest);
  return items.map((item) => {
    if (item.kind === "resource") return { ...item, attribute: [...item.attribute, ...path] };
    if (item.kind === "constant") {
      let value = item.value;
      for (const step of path) {
        if (Array.isArray(value) && typeof step === "number") value = value[step];
        else if (isObject(value)) value = value[String(step)];
        else return item;
      }
      return { kind: "constant", value: value ?? null };
    }
    return item;
  });
}
function plausibleReference(reference) {
  const head = reference.split(/[.[]/, 1)[0];
  return ["var", "local", "module", "data", "each", "count"].includes(head) || head.includes("_");
}
function literalValue(tokens) {
  const meaningful = tokens.filter((t) => t.kind !== "newline");
  const only = meaningful.length === 1 ? meaningful[0] : void 0;
  if (only?.kind === "string" && only.parts.every((p) => "literal" in p)) return { value: only.parts.map((p) => p.literal).join("") };
  const elements = listElements(tokens);
  if (elements !== void 0 && elements.every((e) => e.template !== void 0 && e.template.every((p) => "literal" in p))) {
    return { value: elements.map((e) => e.template.map((p) => p.literal).join("")) };
  }
  return void 0;
}

// src/sources/plan/securityGroupReader.ts
var DIRECTIONS = ["ingress", "egress"];
function readSecurityGroups(context) {
  const drafts = /* @__PURE__ */ new Map();
  for (const resource of context.resources.ofType("tencentcloud_security_group")) {
    const view = context.view(resource);
    const name = view.string(["name"]);
    drafts.set(resource.address, {
      key: resource.address,
      ...typeof name === "string" ? { name } : {},
      provenance: context.provenance(resource),
      created: resource.created,
      external: false,
      sources: []
    });
  }
  const attach = (resource, kind) => {
    const view = context.view(resource);
    const group = view.link(["security_group_id"]);
    if (group === null || isUnknown(group)) {
      context.warn(resource, `cannot tell which security group these rules belong to (${group === null ? "security_group_id is not set" : group.reason}); not checked`);
      return;
    }
    let draft = drafts.get(group);
    if (draft === void 0) {
      const location = context.location(resource);
      draft = { key: group, provenance: { address: group, ...location ? { location } : {} }, created: false, external: true, sources: [] };
      drafts.set(group, draft);
    }
    draft.sources.push({ kind, view });
  };
  for (const resource of context.resources.ofType("tencentcloud_security_group_rule_set")) attach(resource, "ruleSet");
  for (const resource of context.resources.ofType("tencentcloud_security_group_lite_rule")) attach(resource, "liteRule");
  for (const resource of context.resources.ofType("tencentcloud_security_group_rule")) attach(resource, "singleRule");
  const groups = /* @__PURE__ */ new Map();
  for (const draft of drafts.values()) {
    const lists = rulesOf(context, draft);
    groups.set(draft.key, { key: draft.key, ...draft.name !== void 0 ? { name: draft.name } : {}, ingress: lists.ingress, egress: lists.egress, provenance: draft.provenance });
  }
  return groups;
}
function rulesOf(context, draft) {
  const exclusive = draft.sources.filter((s) => s.kind !== "singleRule");
  const singles = draft.sources.filter((s) => s.kind === "singleRule");
  if (draft.sources.length === 0) {
    if (draft.created) return { ingress: { rules: [] }, egress: { rules: [] } };
    const reason = `the rules of ${draft.key} are not managed in this configuration`;
    return { ingress: { rules: [], unknownReason: reason }, egress: { rules: [], unknownReason: reason } };
  }
  if (exclusive.length > 1 || exclusive.length === 1 && singles.length > 0) {
    const names = someOf(draft.sources.map((s) => s.view.address));
    const reason = `the rules of ${draft.key} are written by several resources (${names}); the result depends on the order they are applied`;
    context.warn(draft.key, `${reason}: a rule set or lite rule replaces every rule of the group`);
    const first = exclusive[0];
    const lists2 = first.kind === "ruleSet" ? readRuleSet(context, first.view) : readLiteRule(context, first.view);
    return { ingress: { rules: lists2.ingress.rules, unknownReason: reason }, egress: { rules: lists2.egress.rules, unknownReason: reason } };
  }
  if (exclusive.length === 1) {
    const only = exclusive[0];
    const lists2 = only.kind === "ruleSet" ? readRuleSet(context, only.view) : readLiteRule(context, only.view);
    return lists2;
  }
  const partial = draft.external ? `other rules of ${draft.key} are not in this plan` : void 0;
  const lists = orderSingleRules(context, singles.map((s) => s.view));
  if (partial === void 0) return lists;
  return { ingress: { rules: lists.ingress.rules, unknownReason: lists.ingress.unknownReason ?? partial }, egress: { rules: lists.egress.rules, unknownReason: lists.egress.unknownReason ?? partial } };
}
function readRuleSet(context, view) {
  const result2 = {};
  const block = context.sourceBlock(view.resource);
  for (const direction of DIRECTIONS) {
    const state = view.attribute([direction]);
    if (state.state === "unset") {
      result2[direction] = { rules: [] };
      continue;
    }
    if (state.state === "unknown" || !Array.isArray(state.value)) {
      if (state.state === "set") context.warn(view.resource, `${direction}: expected a list of rule blocks`);
      result2[direction] = { rules: [], unknownReason: state.state === "unknown" ? `${direction} of ${view.address}: ${AFTER_APPLY}` : `${direction} of ${view.address} has an unexpected shape` };
      continue;
    }
    const written = block?.block.blocks.filter((b) => b.type === direction) ?? [];
    const dynamic = block?.block.blocks.some((b) => b.type === "dynamic" && b.labels[0] === direction) ?? false;
    const lines = !dynamic && written.length === state.value.length ? written : void 0;
    result2[direction] = {
      rules: state.value.map((_, index) => {
        const own = lines?.[index];
        const location = own !== void 0 && block !== void 0 ? context.sources.location(block.file, own.line, own.endLine) : void 0;
        return ruleSetEntry(context, view, direction, index, context.provenance(view.resource, { path: context.elementPath(direction, index), ...location ? { location } : {} }));
      })
    };
  }
  return result2;
}
var PEER_FIELDS = [
  ["cidr_block", "cidr"],
  ["ipv6_cidr_block", "cidr"],
  ["source_security_id", "securityGroup"],
  ["address_template_id", "addressTemplate"],
  ["address_template_group", "addressTemplateGroup"]
];
function ruleSetEntry(context, view, direction, index, provenance) {
  const rule = view.element(direction, index);
  const action = actionOf(rule.string(["action"]));
  let peer;
  let linked;
  let pending;
  for (const [name, field] of PEER_FIELDS) {
    const state = rule.attribute([name]);
    if (state.state === "set") {
      peer = peerOfState(context, state, field);
      break;
    }
    if (state.state === "unknown") {
      if (state.items.length > 0) linked ??= peerOfItems(context, state.items, field);
      else pending ??= { kind: "unknown", reason: AFTER_APPLY };
    }
  }
  peer ??= linked ?? pending ?? { kind: "unknown", reason: "no source or destination is set" };
  const service = templateService(context, rule.attribute(["service_template_id"]), "serviceTemplate") ?? templateService(context, rule.attribute(["service_template_group"]), "serviceTemplateGroup") ?? { kind: "protocol", protocol: protocolOfState(rule.attribute(["protocol"])), ports: portsOfState(rule.attribute(["port"])) };
  const description = rule.string(["description"]);
  return { action, peer: context.sharePeer(peer), service: context.shareService(service), ...typeof description === "string" ? { description } : {}, provenance };
}
function readLiteRule(context, view) {
  const result2 = {};
  const block = context.sourceBlock(view.resource);
  for (const direction of DIRECTIONS) {
    const list = readRuleStrings(view, direction);
    if ("unknownReason" in list) {
      result2[direction] = { rules: [], unknownReason: `${view.address}: ${list.unknownReason}` };
      continue;
    }
    const rules = [];
    for (const entry of list.entries) {
      const location = entry.line !== void 0 && block !== void 0 ? context.sources.location(block.file, entry.line) : void 0;
      const provenance = context.provenance(view.resource, { path: context.elementPath(direction, entry.index), ...location ? { location } : {} });
      if (entry.fields.length !== 4) {
        context.warn(view.resource, `${direction}[${entry.index}] "${entry.text}" is not ACTION#SOURCE#PORT#PROTOCOL`);
        rules.push({ action: unknown(`"${entry.text}" cannot be read`), peer: { kind: "unknown", reason: `"${entry.text}" cannot be read` }, service: { kind: "protocol", protocol: unknown("unreadable rule"), ports: unknown("unreadable rule") }, provenance });
        continue;
      }
      const [actionField, sourceField, portField, protocolField] = entry.fields;
      rules.push({
        action: "text" in actionField ? actionOf(actionField.text) : unknown(fieldReason(actionField)),
        peer: context.sharePeer(peerOfField(context, sourceField)),
        service: context.shareService(serviceOfFields(context, protocolField, portField)),
        provenance
      });
    }
    result2[direction] = { rules };
  }
  return result2;
}
function peerOfField(context, field) {
  if ("text" in field) return peerOfText(field.text, (id) => context.alias(id));
  if ("items" in field) return peerOfItems(context, field.items, "cidr");
  return { kind: "unknown", reason: field.unknownReason };
}
function serviceOfFields(context, protocol, port) {
  if ("text" in protocol && "text" in port) return serviceOfText(protocol.text, port.text, (id) => context.alias(id));
  return {
    kind: "protocol",
    protocol: "text" in protocol ? protocol.text.toUpperCase() : unknown(fieldReason(protocol)),
    ports: "text" in port ? port.text : unknown(fieldReason(port))
  };
}
function fieldReason(field) {
  if ("unknownReason" in field) return field.unknownReason;
  if ("items" in field) return `\${${field.source}} is known only after apply`;
  return AFTER_APPLY;
}
function actionOf(value) {
  if (value === void 0) return unknown("the action is not set");
  if (isUnknown(value)) return value;
  return ruleAction(value) ?? unknown(`"${value}" is not ACCEPT or DROP`);
}
function orderSingleRules(context, views) {
  const result2 = {};
  for (const direction of DIRECTIONS) {
    const indexed = [];
    const unindexed = [];
    let unknownType = false;
    for (const view of views) {
      const type = view.string(["type"]);
      if (type === void 0 || isUnknown(type)) {
        unknownType = true;
        continue;
      }
      if (type.toLowerCase() !== direction) continue;
      const rule = singleRule(context, view);
      const index = view.number(["policy_index"]);
      if (typeof index === "number") indexed.push({ index, rule, address: view.address });
      else unindexed.push({ rule, address: view.address });
    }
    indexed.sort((a, b) => a.index - b.index || (a.address < b.address ? -1 : 1));
    unindexed.sort((a, b) => a.address < b.address ? -1 : 1);
    const rules = [...unindexed.map((r) => r.rule), ...indexed.map((r) => r.rule)];
    let unknownReason;
    if (unindexed.length > 1 && !sameAction(unindexed.map((r) => r.rule))) {
      unknownReason = `the order of ${someOf(unindexed.map((r) => r.address))} (no policy_index, different actions) depends on the order they are applied`;
    }
    for (let i = 1; i < indexed.length && unknownReason === void 0; i++) {
      const a = indexed[i - 1];
      const b = indexed[i];
      if (a.index === b.index && !sameAction([a.rule, b.rule])) unknownReason = `${a.address} and ${b.address} have the same policy_index and different actions`;
    }
    if (unknownType) unknownReason ??= "the direction (type) of a rule is known only after apply";
    result2[direction] = unknownReason === void 0 ? { rules } : { rules, unknownReason };
  }
  return result2;
}
function sameAction(rules) {
  const first = rules[0]?.action;
  return rules.every((rule) => !isUnknown(rule.action) && !isUnknown(first) && rule.action === first);
}
function singleRule(context, view) {
  const action = actionOf(view.string(["policy"]));
  let peer;
  let linked;
  let pending;
  for (const [path, field] of [
    [["cidr_ip"], "cidr"],
    [["source_sgid"], "securityGroup"],
    [["address_template", 0, "template_id"], "addressTemplate"],
    [["address_template", 0, "group_id"], "addressTemplateGroup"]
  ]) {
    const state = view.attribute(path);
    if (state.state === "set") {
      peer = peerOfState(context, state, field);
      break;
    }
    if (state.state === "unknown") {
      if (state.items.length > 0) linked ??= peerOfItems(context, state.items, field);
      else pending ??= { kind: "unknown", reason: AFTER_APPLY };
    }
  }
  peer ??= linked ?? pending;
  const service = templateService(context, view.attribute(["protocol_template", 0, "template_id"]), "serviceTemplate") ?? templateService(context, view.attribute(["protocol_template", 0, "group_id"]), "serviceTemplateGroup") ?? { kind: "protocol", protocol: protocolOfState(view.attribute(["ip_protocol"])), ports: portsOfState(view.attribute(["port_range"])) };
  const description = view.string(["description"]);
  return {
    action,
    peer: peer ?? { kind: "unknown", reason: "no source or destination is set" },
    service,
    ...typeof description === "string" ? { description } : {},
    provenance: context.provenance(view.resource)
  };
}

// src/sources/plan/templateReader.ts
function readTemplates(context) {
  const templates = { addressTemplates: /* @__PURE__ */ new Map(), addressTemplateGroups: /* @__PURE__ */ new Map(), serviceTemplates: /* @__PURE__ */ new Map(), serviceTemplateGroups: /* @__PURE__ */ new Map() };
  for (const resource of context.resources.ofType("tencentcloud_address_template")) {
    const view = context.view(resource);
    templates.addressTemplates.set(resource.address, { key: resource.address, ...nameOf(view), addresses: strings(view, "addresses"), provenance: context.provenance(resource) });
  }
  for (const resource of context.resources.ofType("tencentcloud_address_template_group")) {
    const view = context.view(resource);
    templates.addressTemplateGroups.set(resource.address, { key: resource.address, ...nameOf(view), members: members(view), provenance: context.provenance(resource) });
  }
  for (const resource of context.resources.ofType("tencentcloud_protocol_template")) {
    const view = context.view(resource);
    templates.serviceTemplates.set(resource.address, { key: resource.address, ...nameOf(view), services: strings(view, "protocols"), provenance: context.provenance(resource) });
  }
  for (const resource of context.resources.ofType("tencentcloud_protocol_template_group")) {
    const view = context.view(resource);
    templates.serviceTemplateGroups.set(resource.address, { key: resource.address, ...nameOf(view), members: members(view), provenance: context.provenance(resource) });
  }
  return templates;
}
function nameOf(view) {
  const name = view.string(["name"]);
  return typeof name === "string" ? { name } : {};
}
function strings(view, attribute) {
  const state = view.attribute([attribute]);
  if (state.state === "unset") return [];
  if (state.state === "unknown") return unknown(AFTER_APPLY);
  if (Array.isArray(state.value) && state.value.every((v) => typeof v === "string")) return state.value;
  view.context.warn(view.resource, `${attribute}: expected a list of strings`);
  return unknown(`${attribute} has an unexpected shape`);
}
function members(view) {
  const links = view.links(["template_ids"]);
  if (links === void 0) return [];
  return links.unknownReason !== void 0 ? unknown(links.unknownReason) : links.refs;
}

// src/sources/plan/terraformSources.ts
import { readdirSync, readFileSync } from "node:fs";
import { join as join3, relative as relative3, sep } from "node:path";
var diskTfFiles = {
  list(dir) {
    try {
      return readdirSync(dir).filter((name) => name.endsWith(".tf")).sort().map((name) => join3(dir, name));
    } catch {
      return [];
    }
  },
  read(file) {
    try {
      return readFileSync(file, "utf8");
    } catch {
      return void 0;
    }
  }
};
var TerraformSources = class {
  constructor(repoRoot, files = diskTfFiles) {
    this.repoRoot = repoRoot;
    this.files = files;
  }
  repoRoot;
  files;
  directories = /* @__PURE__ */ new Map();
  resourceBlock(dir, mode, type, name) {
    if (dir === void 0) return void 0;
    return this.scan(dir).resources.get(`${mode === "data" ? "data." : ""}${type}.${name}`);
  }
  local(dir, name) {
    if (dir === void 0) return void 0;
    return this.scan(dir).locals.get(name);
  }
  location(file, line, endLine) {
    return { file, line, ...endLine !== void 0 && endLine !== line ? { endLine } : {} };
  }
  blockLocation(source) {
    return this.location(source.file, source.block.line, source.block.endLine);
  }
  scan(dir) {
    const known = this.directories.get(dir);
    if (known !== void 0) return known;
    const resources = /* @__PURE__ */ new Map();
    const locals = /* @__PURE__ */ new Map();
    for (const path of this.files.list(dir)) {
      const text = this.files.read(path);
      if (text === void 0) continue;
      const file = relative3(this.repoRoot, path).split(sep).join("/");
      for (const block of scanHcl(text).blocks) {
        if ((block.type === "resource" || block.type === "data") && block.labels.length === 2) {
          const key = `${block.type === "data" ? "data." : ""}${block.labels[0]}.${block.labels[1]}`;
          if (!resources.has(key)) resources.set(key, { file, block });
        } else if (block.type === "locals") {
          for (const attribute of block.attributes.values()) if (!locals.has(attribute.name)) locals.set(attribute.name, { file, attribute });
        }
      }
    }
    const scanned = { resources, locals };
    this.directories.set(dir, scanned);
    return scanned;
  }
};

// src/sources/plan/index.ts
async function readPlanInventory(options) {
  const repoRoot = resolve2(options.repoRoot ?? process.cwd());
  const file = displayPath(resolve2(options.planFile), repoRoot);
  let plan;
  try {
    plan = readPlanFile(options.planFile, file, () => readFileSync2(options.planFile, "utf8"));
  } catch (error) {
    throw error instanceof InputError ? error : fileError(error, file);
  }
  return planToInventory(plan, { file, ...options.tfRoot !== void 0 ? { tfRoot: options.tfRoot } : {}, repoRoot });
}
function planToInventory(plan, options) {
  const repoRoot = resolve2(options.repoRoot ?? process.cwd());
  const tfRoot = resolve2(options.tfRoot ?? process.cwd());
  const document = readPlanDocument(plan, options.file);
  const warnings = [];
  let complete = true;
  if (document.partial) {
    warnings.push({ message: "the plan is marked incomplete (planning failed or deferred some changes): what it leaves out is not checked" });
    complete = false;
  }
  if (document.configuration === void 0) warnings.push({ message: 'the plan has no "configuration": values known only after apply cannot be linked to resources' });
  const resources = new PlanResources(document, warnings);
  const config = new ConfigurationTree(document.configuration, tfRoot, installedModules(tfRoot, options.tfFiles));
  const sources = new TerraformSources(repoRoot, options.tfFiles);
  const resolver = new ReferenceResolver(config, resources, document.variables, sources);
  const context = new PlanContext(resources, config, resolver, sources);
  const guarded = (what, read, fallback) => {
    try {
      return read();
    } catch (error) {
      context.warnings.push({ message: `could not read the ${what} of the plan: ${error instanceof Error ? error.message : String(error)}` });
      complete = false;
      return fallback;
    }
  };
  const templates = guarded("parameter templates", () => readTemplates(context), { addressTemplates: /* @__PURE__ */ new Map(), addressTemplateGroups: /* @__PURE__ */ new Map(), serviceTemplates: /* @__PURE__ */ new Map(), serviceTemplateGroups: /* @__PURE__ */ new Map() });
  const vpcs = guarded("VPCs", () => readVpcs(context), /* @__PURE__ */ new Map());
  const subnets = guarded("subnets", () => readSubnets(context), /* @__PURE__ */ new Map());
  const networkAcls = guarded("network ACLs", () => readNetworkAcls(context), /* @__PURE__ */ new Map());
  const securityGroups = guarded("security groups", () => readSecurityGroups(context), /* @__PURE__ */ new Map());
  const machines = guarded("instances", () => readMachines(context), { instances: /* @__PURE__ */ new Map(), networkInterfaces: /* @__PURE__ */ new Map() });
  const loadBalancers = guarded("load balancers", () => readLoadBalancers(context), /* @__PURE__ */ new Map());
  return {
    mode: "plan",
    loadBalancers,
    instances: machines.instances,
    networkInterfaces: machines.networkInterfaces,
    securityGroups,
    networkAcls,
    subnets,
    vpcs,
    ...templates,
    aliases: context.aliases,
    warnings: [...warnings, ...context.warnings],
    complete
  };
}
function fileError(error, file) {
  const code = error.code;
  if (code === "ENOENT") return new InputError("cannot read the plan: no such file", { file });
  if (code === "EISDIR") return new InputError("cannot read the plan: this is a directory; pass the JSON file written by `terraform show -json PLANFILE`", { file });
  if (code === "ERR_STRING_TOO_LONG") return new InputError("the plan file is too large to read (over 512 MB)", { file });
  return new InputError(`cannot read the plan: ${error instanceof Error ? error.message : String(error)}`, { file });
}
function displayPath(path, repoRoot) {
  const rel = relative4(repoRoot, path);
  return rel === "" || rel.startsWith("..") ? path : rel.split(sep2).join("/");
}
function installedModules(tfRoot, files) {
  const modules = /* @__PURE__ */ new Map();
  let text;
  const manifest = join4(tfRoot, ".terraform", "modules", "modules.json");
  if (files !== void 0) text = files.read(manifest);
  else {
    try {
      text = readFileSync2(manifest, "utf8");
    } catch {
      text = void 0;
    }
  }
  if (text === void 0) return modules;
  try {
    const parsed = JSON.parse(text);
    const entries = isObject(parsed) && Array.isArray(parsed["Modules"]) ? parsed["Modules"] : [];
    for (const entry of entries) {
      if (isObject(entry) && typeof entry["Key"] === "string" && entry["Key"] !== "" && typeof entry["Dir"] === "string") modules.set(entry["Key"], entry["Dir"]);
    }
  } catch {
  }
  return modules;
}

// src/policy/evaluatePolicies.ts
import { createHash } from "node:crypto";

// src/net/addressSet.ts
import { isIPv4, isIPv6 } from "node:net";

// src/net/intervalSet.ts
var IntervalSet = class _IntervalSet {
  constructor(domain, intervals) {
    this.domain = domain;
    this.intervals = intervals;
  }
  domain;
  intervals;
  static empty(domain) {
    return new _IntervalSet(domain, []);
  }
  static all(domain) {
    return new _IntervalSet(domain, [[domain.min, domain.max]]);
  }
  static of(domain, intervals) {
    return new _IntervalSet(domain, normalise(domain, [...intervals]));
  }
  isEmpty() {
    return this.intervals.length === 0;
  }
  isAll() {
    return this.intervals.length === 1 && this.intervals[0][0] === this.domain.min && this.intervals[0][1] === this.domain.max;
  }
  has(value) {
    let lo = 0;
    let hi = this.intervals.length - 1;
    while (lo <= hi) {
      const mid = lo + hi >> 1;
      const [a, b] = this.intervals[mid];
      if (value < a) hi = mid - 1;
      else if (value > b) lo = mid + 1;
      else return true;
    }
    return false;
  }
  union(other) {
    if (other.isEmpty()) return this;
    if (this.isEmpty()) return other;
    return new _IntervalSet(this.domain, normalise(this.domain, [...this.intervals, ...other.intervals]));
  }
  intersect(other) {
    if (this.isEmpty() || other.isAll()) return this;
    if (other.isEmpty() || this.isAll()) return other;
    const out = [];
    let i = 0;
    let j = 0;
    const a = this.intervals;
    const b = other.intervals;
    while (i < a.length && j < b.length) {
      const lo = a[i][0] > b[j][0] ? a[i][0] : b[j][0];
      const hi = a[i][1] < b[j][1] ? a[i][1] : b[j][1];
      if (lo <= hi) out.push([lo, hi]);
      if (a[i][1] < b[j][1]) i++;
      else j++;
    }
    return new _IntervalSet(this.domain, out);
  }
  subtract(other) {
    if (this.isEmpty() || other.isEmpty()) return this;
    if (other.isAll()) return _IntervalSet.empty(this.domain);
    return this.intersect(other.complement());
  }
  complement() {
    const { domain } = this;
    const out = [];
    let next = domain.min;
    for (const [lo, hi] of this.intervals) {
      if (next !== void 0 && lo > next) out.push([next, domain.pred(lo)]);
      next = hi === domain.max ? void 0 : domain.succ(hi);
    }
    if (next !== void 0) out.push([next, domain.max]);
    return new _IntervalSet(domain, out);
  }
  /** True when every member of `other` is in this set. */
  covers(other) {
    return other.subtract(this).isEmpty();
  }
  overlaps(other) {
    return !this.intersect(other).isEmpty();
  }
  equals(other) {
    if (this.intervals.length !== other.intervals.length) return false;
    return this.intervals.every(([lo, hi], k) => lo === other.intervals[k][0] && hi === other.intervals[k][1]);
  }
};
function normalise(domain, input) {
  const sorted = input.filter(([lo, hi]) => lo <= hi).sort((x, y) => x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);
  const out = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last !== void 0 && (last[1] === domain.max || lo <= domain.succ(last[1]))) {
      if (hi > last[1]) last[1] = hi;
    } else {
      out.push([lo, hi]);
    }
  }
  return out;
}
var numberDomain = (min, max) => ({
  min,
  max,
  succ: (v) => v + 1,
  pred: (v) => v - 1
});
var bigintDomain = (min, max) => ({
  min,
  max,
  succ: (v) => v + 1n,
  pred: (v) => v - 1n
});

// src/net/addressSet.ts
var V4 = numberDomain(0, 2 ** 32 - 1);
var V6 = bigintDomain(0n, (1n << 128n) - 1n);
var AddressSet = class _AddressSet {
  constructor(v4, v6) {
    this.v4 = v4;
    this.v6 = v6;
  }
  v4;
  v6;
  // Immutable, so derived texts are computed once: large checks describe the same sets many times.
  cidrCache;
  describeCache;
  keyCache;
  static EMPTY = new _AddressSet(IntervalSet.empty(V4), IntervalSet.empty(V6));
  static ALL_V4 = new _AddressSet(IntervalSet.all(V4), IntervalSet.empty(V6));
  static ALL_V6 = new _AddressSet(IntervalSet.empty(V4), IntervalSet.all(V6));
  static ALL = new _AddressSet(IntervalSet.all(V4), IntervalSet.all(V6));
  static fromV4(intervals) {
    return new _AddressSet(IntervalSet.of(V4, intervals), IntervalSet.empty(V6));
  }
  static fromV6(intervals) {
    return new _AddressSet(IntervalSet.empty(V4), IntervalSet.of(V6, intervals));
  }
  /**
   * Parses a CIDR, a single address or a range `a-b` (IP templates allow ranges).
   * `0.0.0.0/n` means `0.0.0.0/0`, as Tencent maps it. Returns undefined when it is not an address.
   */
  static parse(text) {
    const value = text.trim();
    const dash = value.indexOf("-");
    if (dash > 0) {
      const lo2 = parseAddress(value.slice(0, dash).trim());
      const hi = parseAddress(value.slice(dash + 1).trim());
      if (lo2 === void 0 || hi === void 0 || lo2.family !== hi.family) return void 0;
      if (lo2.family === 4) return _AddressSet.fromV4([[lo2.value, hi.value]]);
      return _AddressSet.fromV6([[lo2.value, hi.value]]);
    }
    const slash = value.indexOf("/");
    const addressText = slash >= 0 ? value.slice(0, slash) : value;
    const address = parseAddress(addressText);
    if (address === void 0) return void 0;
    const bits = address.family === 4 ? 32 : 128;
    let prefix = bits;
    if (slash >= 0) {
      const prefixText = value.slice(slash + 1);
      if (!/^\d{1,3}$/.test(prefixText)) return void 0;
      prefix = Number(prefixText);
      if (prefix > bits) return void 0;
    }
    if (address.family === 4) {
      const base2 = address.value;
      if (base2 === 0 && slash >= 0) return _AddressSet.ALL_V4;
      const size = 2 ** (32 - prefix);
      const lo2 = Math.floor(base2 / size) * size;
      return _AddressSet.fromV4([[lo2, lo2 + size - 1]]);
    }
    const base = address.value;
    const hostBits = BigInt(128 - prefix);
    const lo = base >> hostBits << hostBits;
    return _AddressSet.fromV6([[lo, lo + (1n << hostBits) - 1n]]);
  }
  static parseAll(texts) {
    let out = _AddressSet.EMPTY;
    for (const text of texts) {
      const parsed = _AddressSet.parse(text);
      if (parsed === void 0) return void 0;
      out = out.union(parsed);
    }
    return out;
  }
  isEmpty() {
    return this.v4.isEmpty() && this.v6.isEmpty();
  }
  union(other) {
    return new _AddressSet(this.v4.union(other.v4), this.v6.union(other.v6));
  }
  intersect(other) {
    return new _AddressSet(this.v4.intersect(other.v4), this.v6.intersect(other.v6));
  }
  subtract(other) {
    return new _AddressSet(this.v4.subtract(other.v4), this.v6.subtract(other.v6));
  }
  covers(other) {
    return this.v4.covers(other.v4) && this.v6.covers(other.v6);
  }
  overlaps(other) {
    return this.v4.overlaps(other.v4) || this.v6.overlaps(other.v6);
  }
  equals(other) {
    return this.v4.equals(other.v4) && this.v6.equals(other.v6);
  }
  /** A compact identity for caches: equal sets have equal keys. */
  key() {
    this.keyCache ??= `${this.v4.intervals.map(([lo, hi]) => `${lo}-${hi}`).join(",")}|${this.v6.intervals.map(([lo, hi]) => `${lo}-${hi}`).join(",")}`;
    return this.keyCache;
  }
  /** Minimal CIDR list, e.g. `["0.0.0.0/3", "32.0.0.0/4"]`. */
  toCidrs() {
    this.cidrCache ??= this.computeCidrs();
    return this.cidrCache;
  }
  computeCidrs() {
    const out = [];
    for (const [lo, hi] of this.v4.intervals) out.push(...rangeToCidrs(BigInt(lo), BigInt(hi), 32).map((c) => formatV4(Number(c.base)) + "/" + c.prefix));
    for (const [lo, hi] of this.v6.intervals) out.push(...rangeToCidrs(lo, hi, 128).map((c) => formatV6(c.base) + "/" + c.prefix));
    return out;
  }
  /** Short human text: `0.0.0.0/0`, `10.0.0.0/8, 172.16.0.0/12`, or a summary when long. */
  describe(maxItems = 4) {
    this.describeCache ??= /* @__PURE__ */ new Map();
    let text = this.describeCache.get(maxItems);
    if (text === void 0) {
      text = this.computeDescription(maxItems);
      this.describeCache.set(maxItems, text);
    }
    return text;
  }
  computeDescription(maxItems) {
    if (this.isEmpty()) return "no address";
    if (this.v6.isEmpty() && this.v4.intervals.length <= maxItems + 1 && this.toCidrs().length > maxItems) {
      const enclosing = enclosingV4(this.v4.intervals[0][0], this.v4.intervals[this.v4.intervals.length - 1][1]);
      const missing = enclosing.subtract(this);
      if (missing.toCidrs().length <= maxItems) return `${enclosing.describe()} except ${missing.describe(maxItems)}`;
    }
    const cidrs = this.toCidrs().map((c) => c.endsWith("/32") && !c.includes(":") ? c.slice(0, -3) : c);
    if (cidrs.length <= maxItems) return cidrs.join(", ");
    return `${cidrs.slice(0, maxItems).join(", ")} and ${cidrs.length - maxItems} more ranges`;
  }
};
function enclosingV4(lo, hi) {
  let prefix = 32;
  while (prefix > 0 && Math.floor(lo / 2 ** (32 - prefix)) !== Math.floor(hi / 2 ** (32 - prefix))) prefix--;
  const size = 2 ** (32 - prefix);
  const base = Math.floor(lo / size) * size;
  return AddressSet.fromV4([[base, base + size - 1]]);
}
function parseAddress(text) {
  if (isIPv4(text)) {
    const parts = text.split(".").map(Number);
    return { family: 4, value: ((parts[0] * 256 + parts[1]) * 256 + parts[2]) * 256 + parts[3] };
  }
  if (isIPv6(text)) return { family: 6, value: parseV6(text) };
  return void 0;
}
function parseV6(text) {
  let body = text;
  const lastColon = body.lastIndexOf(":");
  const tailText = body.slice(lastColon + 1);
  if (tailText.includes(".")) {
    const v4 = tailText.split(".").map(Number);
    body = `${body.slice(0, lastColon + 1)}${(v4[0] * 256 + v4[1]).toString(16)}:${(v4[2] * 256 + v4[3]).toString(16)}`;
  }
  const double = body.indexOf("::");
  let groups;
  if (double >= 0) {
    const head = body.slice(0, double).split(":").filter((g) => g !== "");
    const rest = body.slice(double + 2).split(":").filter((g) => g !== "");
    groups = [...head, ...Array(8 - head.length - rest.length).fill("0"), ...rest];
  } else {
    groups = body.split(":");
  }
  let value = 0n;
  for (const group of groups) value = (value << 16n) + BigInt(parseInt(group, 16));
  return value;
}
function rangeToCidrs(lo, hi, bits) {
  const out = [];
  let cursor = lo;
  while (cursor <= hi) {
    let size = 0;
    while (size < bits) {
      const next = size + 1;
      const blockMask = (1n << BigInt(next)) - 1n;
      if ((cursor & blockMask) !== 0n || cursor + blockMask > hi) break;
      size = next;
    }
    out.push({ base: cursor, prefix: bits - size });
    cursor += 1n << BigInt(size);
  }
  return out;
}
function formatV4(value) {
  return [value >>> 24, value >>> 16 & 255, value >>> 8 & 255, value & 255].join(".");
}
function formatV6(value) {
  const groups = [];
  for (let k = 7; k >= 0; k--) groups.push(Number(value >> BigInt(k * 16) & 0xffffn));
  let bestStart = -1;
  let bestLength = 0;
  for (let k = 0; k < 8; ) {
    if (groups[k] !== 0) {
      k++;
      continue;
    }
    let end = k;
    while (end < 8 && groups[end] === 0) end++;
    if (end - k > bestLength && end - k > 1) {
      bestStart = k;
      bestLength = end - k;
    }
    k = end;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

// src/net/portSet.ts
var PORTS = numberDomain(0, 65535);
var ALL_PORTS = IntervalSet.all(PORTS);
var NO_PORTS = IntervalSet.empty(PORTS);
function portRange(lo, hi = lo) {
  return IntervalSet.of(PORTS, [[lo, hi]]);
}
function parsePorts(text) {
  const value = text.trim();
  if (value.toUpperCase() === "ALL" || value === "") return value === "" ? void 0 : ALL_PORTS;
  const intervals = [];
  for (const part of value.split(",")) {
    const match = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(part);
    if (match === null) return void 0;
    const lo = Number(match[1]);
    const hi = match[2] === void 0 ? lo : Number(match[2]);
    if (lo > 65535 || hi > 65535 || lo > hi) return void 0;
    intervals.push([lo, hi]);
  }
  return IntervalSet.of(PORTS, intervals);
}
function describePorts(ports) {
  if (ports.isAll()) return "ALL";
  if (ports.isEmpty()) return "none";
  return ports.intervals.map(([lo, hi]) => lo === hi ? `${lo}` : `${lo}-${hi}`).join(",");
}

// src/net/protocol.ts
var PROTOCOLS2 = ["TCP", "UDP", "ICMP", "ICMPV6", "GRE"];
function parseProtocol(text) {
  const upper = text.trim().toUpperCase();
  if (upper === "ALL") return "ALL";
  if (upper === "ICMPV6" || upper === "ICMP6") return "ICMPV6";
  return PROTOCOLS2.includes(upper) ? upper : void 0;
}
function hasPorts(protocol) {
  return protocol === "TCP" || protocol === "UDP";
}
function transportOf(listenerProtocol) {
  const upper = listenerProtocol.toUpperCase();
  return upper === "UDP" || upper === "QUIC" ? "UDP" : "TCP";
}

// src/net/compiledRule.ts
var ALL_PROTOCOLS = new Set(PROTOCOLS2);
var PEER_ANY_UNKNOWN = (reason) => ({
  definite: AddressSet.EMPTY,
  possible: AddressSet.ALL,
  symbols: /* @__PURE__ */ new Set(),
  unknownReason: reason
});
function opaqueRule(ref, reason) {
  return {
    action: void 0,
    protocols: { definite: /* @__PURE__ */ new Set(), possible: ALL_PROTOCOLS },
    peer: PEER_ANY_UNKNOWN(reason),
    ports: { definite: NO_PORTS, possible: ALL_PORTS },
    local: "maybe",
    ref,
    unknownReason: reason
  };
}

// src/net/specialRanges.ts
var NON_PUBLIC_V4 = AddressSet.parseAll([
  "0.0.0.0-0.255.255.255",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.2.0/24",
  "192.88.99.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/4",
  "240.0.0.0/4"
]);
var PUBLIC_V4 = AddressSet.ALL_V4.subtract(NON_PUBLIC_V4);
var PRIVATE_V4 = AddressSet.parseAll(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]);
var HEALTH_CHECK_RANGE = AddressSet.parse("100.64.0.0/10");

// src/net/inventoryResolver.ts
var InventoryResolver = class {
  constructor(inventory) {
    this.inventory = inventory;
  }
  inventory;
  peerCache = /* @__PURE__ */ new Map();
  membersIndex;
  unknownMembership;
  compiledCache = /* @__PURE__ */ new Map();
  /** The inventory key for a reference that may be a cloud ID alias. */
  key(ref) {
    return this.inventory.aliases.get(ref) ?? ref;
  }
  loadBalancer(ref) {
    return this.inventory.loadBalancers.get(this.key(ref));
  }
  securityGroup(ref) {
    return this.inventory.securityGroups.get(this.key(ref));
  }
  subnet(ref) {
    return this.inventory.subnets.get(this.key(ref));
  }
  networkAcl(ref) {
    return this.inventory.networkAcls.get(this.key(ref));
  }
  vpc(ref) {
    return this.inventory.vpcs.get(this.key(ref));
  }
  instance(ref) {
    return this.inventory.instances.get(this.key(ref));
  }
  /** Every network interface: instances' and standalone ones. */
  *interfaces() {
    for (const instance of this.inventory.instances.values()) yield* instance.interfaces;
    yield* this.inventory.networkInterfaces.values();
  }
  /** The interface that owns a private IP, for targets registered by ENI IP. */
  interfaceWithIp(ip) {
    for (const nic of this.interfaces()) {
      if (!isUnknown(nic.privateIps) && nic.privateIps.includes(ip)) return nic;
    }
    return void 0;
  }
  interfaceAddresses(nic) {
    if (!isUnknown(nic.privateIps)) {
      const set = AddressSet.parseAll(nic.privateIps) ?? AddressSet.EMPTY;
      return { definite: set, possible: set };
    }
    return { definite: AddressSet.EMPTY, possible: this.subnetCidr(nic.subnet) ?? AddressSet.ALL_V4 };
  }
  subnetCidr(ref) {
    if (ref === null || ref === void 0 || isUnknown(ref)) return void 0;
    const subnet = this.subnet(ref);
    if (subnet === void 0 || isUnknown(subnet.cidr)) return void 0;
    return AddressSet.parse(subnet.cidr);
  }
  vpcCidr(ref) {
    if (ref === null || ref === void 0 || isUnknown(ref)) return void 0;
    const vpc = this.vpc(ref);
    if (vpc === void 0 || isUnknown(vpc.cidr)) return void 0;
    return AddressSet.parse(vpc.cidr);
  }
  /**
   * A CLB's VIPs: known addresses, or a symbolic address bounded by what the platform allows:
   * a public VIP is a public address; a private VIP comes from the CLB's subnet.
   */
  vip(lb) {
    if (!isUnknown(lb.vips) && lb.vips.length > 0) {
      return { addresses: AddressSet.parseAll(lb.vips) ?? AddressSet.EMPTY, symbols: [] };
    }
    return { addresses: AddressSet.EMPTY, symbols: [{ id: `vip:${lb.key}`, label: `VIP of ${lb.key}`, within: this.vipBounds(lb) }] };
  }
  vipBounds(lb) {
    if (!isUnknown(lb.ipVersion) && lb.ipVersion === "IPV6") return AddressSet.ALL_V6;
    if (!isUnknown(lb.network) && lb.network === "OPEN") return PUBLIC_V4;
    if (!isUnknown(lb.network) && lb.network === "INTERNAL") {
      return this.subnetCidr(lb.subnet) ?? this.vpcCidr(lb.vpc) ?? PRIVATE_V4;
    }
    return AddressSet.ALL_V4;
  }
  peer(spec) {
    const cacheKey = JSON.stringify(spec);
    let match = this.peerCache.get(cacheKey);
    if (match === void 0) {
      match = this.resolvePeer(spec);
      this.peerCache.set(cacheKey, match);
    }
    return match;
  }
  resolvePeer(spec) {
    const known = (set) => ({ definite: set, possible: set, symbols: /* @__PURE__ */ new Set() });
    switch (spec.kind) {
      case "cidr": {
        const set = AddressSet.parse(spec.cidr);
        return set === void 0 ? PEER_ANY_UNKNOWN(`"${spec.cidr}" is not an address or CIDR`) : known(set);
      }
      case "unknown":
        return PEER_ANY_UNKNOWN(spec.reason);
      case "loadBalancerVip": {
        const lb = this.loadBalancer(spec.ref);
        if (lb === void 0) return PEER_ANY_UNKNOWN(`${spec.ref} is not in this check`);
        const vip = this.vip(lb);
        if (vip.symbols.length === 0) return known(vip.addresses);
        return { definite: AddressSet.EMPTY, possible: vip.symbols[0].within, symbols: /* @__PURE__ */ new Set([vip.symbols[0].id]) };
      }
      case "addressTemplate":
      case "addressTemplateGroup":
        return this.templatePeer(spec.kind, spec.ref, 0);
      case "securityGroup":
        return this.membersPeer(spec.ref);
    }
  }
  templatePeer(kind, ref, depth) {
    if (kind === "addressTemplate") {
      const template = this.inventory.addressTemplates.get(this.key(ref));
      if (template === void 0) return PEER_ANY_UNKNOWN(`address template ${ref} is not in this check`);
      if (isUnknown(template.addresses)) return PEER_ANY_UNKNOWN(`addresses of ${ref}: ${template.addresses.reason}`);
      const set = AddressSet.parseAll(template.addresses);
      if (set === void 0) return PEER_ANY_UNKNOWN(`address template ${ref} holds an entry that is not an address`);
      return { definite: set, possible: set, symbols: /* @__PURE__ */ new Set() };
    }
    const group = this.inventory.addressTemplateGroups.get(this.key(ref));
    if (group === void 0 || depth > 0) return PEER_ANY_UNKNOWN(`address template group ${ref} is not in this check`);
    if (isUnknown(group.members)) return PEER_ANY_UNKNOWN(`members of ${ref}: ${group.members.reason}`);
    return unionPeers(group.members.map((member) => this.templatePeer("addressTemplate", member, depth + 1)));
  }
  /** A security-group peer means the private IPs of the interfaces in that group. */
  membersPeer(ref) {
    if (this.securityGroup(ref) === void 0 && this.inventory.mode === "plan") {
      return PEER_ANY_UNKNOWN(`the members of ${ref} are not in this check`);
    }
    const key = this.key(ref);
    const { members: members2, unknown: unknown2 } = this.membership();
    let definite = AddressSet.EMPTY;
    let possible = AddressSet.EMPTY;
    for (const nic of members2.get(key) ?? []) {
      const bounds = this.interfaceAddresses(nic);
      definite = definite.union(bounds.definite);
      possible = possible.union(bounds.possible);
    }
    for (const nic of unknown2) possible = possible.union(this.interfaceAddresses(nic).possible);
    return { definite, possible, symbols: /* @__PURE__ */ new Set() };
  }
  /** The interfaces bound to a security group (those whose group lists are known). */
  groupMembers(ref) {
    return this.membership().members.get(this.key(ref)) ?? [];
  }
  membership() {
    if (this.membersIndex === void 0 || this.unknownMembership === void 0) {
      this.membersIndex = /* @__PURE__ */ new Map();
      this.unknownMembership = [];
      for (const nic of this.interfaces()) {
        if (isUnknown(nic.securityGroups)) {
          this.unknownMembership.push(nic);
          continue;
        }
        for (const sg of nic.securityGroups) {
          const key = this.key(sg);
          const list = this.membersIndex.get(key) ?? [];
          list.push(nic);
          this.membersIndex.set(key, list);
        }
      }
    }
    return { members: this.membersIndex, unknown: this.unknownMembership };
  }
  /** What a rule's service matches; templates expand into one entry per service, in order. */
  services(spec, depth = 0) {
    if (spec.kind === "protocol") {
      if (isUnknown(spec.protocol)) return [{ unknownReason: `protocol: ${spec.protocol.reason}`, text: "?" }];
      const protocol = parseProtocol(spec.protocol);
      if (protocol === void 0) return [{ unknownReason: `unsupported protocol "${spec.protocol}"`, text: spec.protocol }];
      if (protocol === "ALL" || !hasPorts(protocol)) return [{ protocol, ports: ALL_PORTS, text: protocol }];
      if (isUnknown(spec.ports)) return [{ unknownReason: `port: ${spec.ports.reason}`, protocol, text: `${protocol}:?` }];
      const ports = parsePorts(spec.ports);
      if (ports === void 0) return [{ unknownReason: `"${spec.ports}" is not a port, list or range`, protocol, text: `${protocol}:${spec.ports}` }];
      return [{ protocol, ports, text: `${protocol}:${spec.ports.toUpperCase()}` }];
    }
    if (spec.kind === "serviceTemplate") {
      const template = this.inventory.serviceTemplates.get(this.key(spec.ref));
      if (template === void 0) return [{ unknownReason: `service template ${spec.ref} is not in this check`, text: spec.ref }];
      if (isUnknown(template.services)) return [{ unknownReason: `services of ${spec.ref}: ${template.services.reason}`, text: spec.ref }];
      return template.services.map((entry) => this.templateEntry(entry, spec.ref));
    }
    const group = this.inventory.serviceTemplateGroups.get(this.key(spec.ref));
    if (group === void 0 || depth > 0) return [{ unknownReason: `service template group ${spec.ref} is not in this check`, text: spec.ref }];
    if (isUnknown(group.members)) return [{ unknownReason: `members of ${spec.ref}: ${group.members.reason}`, text: spec.ref }];
    return group.members.flatMap((member) => this.services({ kind: "serviceTemplate", ref: member }, depth + 1));
  }
  /** `TCP:80,443`, `UDP:3000-4000`, `TCP:ALL`, `ICMP`, `ALL`. */
  templateEntry(entry, ref) {
    const colon = entry.indexOf(":");
    const protocolText = colon >= 0 ? entry.slice(0, colon) : entry;
    const portsText = colon >= 0 ? entry.slice(colon + 1) : "ALL";
    const [match] = this.services({ kind: "protocol", protocol: protocolText, ports: portsText });
    if (match === void 0 || "unknownReason" in match) return { unknownReason: `service template ${ref}: cannot read "${entry}"`, text: entry };
    return match;
  }
};
function unionPeers(peers) {
  let definite = AddressSet.EMPTY;
  let possible = AddressSet.EMPTY;
  const symbols = /* @__PURE__ */ new Set();
  let unknownReason;
  for (const peer of peers) {
    definite = definite.union(peer.definite);
    possible = possible.union(peer.possible);
    for (const s of peer.symbols) symbols.add(s);
    unknownReason ??= peer.unknownReason;
  }
  return { definite, possible, symbols, ...unknownReason ? { unknownReason } : {} };
}

// src/net/flow.ts
function overallVerdict(parts) {
  if (parts.some((p) => p.verdict === "deny")) return "deny";
  if (parts.some((p) => p.verdict === "unknown")) return "unknown";
  return "allow";
}

// src/net/orderedEvaluation.ts
var verdictOf = (action) => action === "ACCEPT" ? "allow" : "deny";
function evaluateOrdered(query, rules, defaultRef) {
  const parts = [];
  let pending = [];
  if (!query.addresses.isEmpty() && !query.ports.isEmpty()) {
    pending.push({ addresses: query.addresses, ports: query.ports, alternatives: /* @__PURE__ */ new Set(), maybe: [] });
  }
  let symbols = query.symbols.map((symbol) => ({ symbol, ports: query.ports, alternatives: /* @__PURE__ */ new Set(), maybe: [] }));
  for (const rule of rules) {
    if (pending.length === 0 && symbols.length === 0) break;
    if (rule.local === "no" || !rule.protocols.possible.has(query.protocol)) continue;
    const certain = rule.local === "yes" && rule.protocols.definite.has(query.protocol);
    const definitePeer = certain ? rule.peer.definite : AddressSet.EMPTY;
    const definitePorts = certain ? rule.ports.definite : NO_PORTS;
    const nextPending = [];
    for (const item of pending) {
      const decidedAddresses = item.addresses.intersect(definitePeer);
      const decidedPorts = item.ports.intersect(definitePorts);
      if (!decidedAddresses.isEmpty() && !decidedPorts.isEmpty()) {
        parts.push(decide(rule, decidedAddresses, void 0, decidedPorts, item.alternatives, item.maybe));
      }
      for (const rest of subtractBox(item.addresses, item.ports, decidedAddresses, decidedPorts)) {
        const maybeAddresses = rest.addresses.intersect(rule.peer.possible);
        const maybePorts = rest.ports.intersect(rule.ports.possible);
        if (maybeAddresses.isEmpty() || maybePorts.isEmpty()) {
          nextPending.push({ ...item, addresses: rest.addresses, ports: rest.ports });
          continue;
        }
        nextPending.push({
          addresses: maybeAddresses,
          ports: maybePorts,
          alternatives: /* @__PURE__ */ new Set([...item.alternatives, rule.action]),
          maybe: [...item.maybe, rule.ref]
        });
        for (const outside of subtractBox(rest.addresses, rest.ports, maybeAddresses, maybePorts)) {
          nextPending.push({ ...item, addresses: outside.addresses, ports: outside.ports });
        }
      }
    }
    pending = nextPending;
    const nextSymbols = [];
    for (const item of symbols) {
      const { symbol } = item;
      const peerCertain = rule.peer.symbols.has(symbol.id) || !symbol.within.isEmpty() && rule.peer.definite.covers(symbol.within);
      const peerPossible = peerCertain || rule.peer.possible.overlaps(symbol.within);
      if (!peerPossible) {
        nextSymbols.push(item);
        continue;
      }
      const decidedPorts = certain && peerCertain ? item.ports.intersect(rule.ports.definite) : NO_PORTS;
      if (!decidedPorts.isEmpty()) {
        parts.push(decide(rule, AddressSet.EMPTY, symbol, decidedPorts, item.alternatives, item.maybe));
      }
      const restPorts = item.ports.subtract(decidedPorts);
      const maybePorts = restPorts.intersect(rule.ports.possible);
      if (!maybePorts.isEmpty()) {
        nextSymbols.push({ symbol, ports: maybePorts, alternatives: /* @__PURE__ */ new Set([...item.alternatives, rule.action]), maybe: [...item.maybe, rule.ref] });
      }
      const outside = restPorts.subtract(maybePorts);
      if (!outside.isEmpty()) nextSymbols.push({ ...item, ports: outside });
    }
    symbols = nextSymbols;
  }
  for (const item of pending) parts.push(fallThrough(item.addresses, void 0, item.ports, item.alternatives, item.maybe, defaultRef));
  for (const item of symbols) parts.push(fallThrough(AddressSet.EMPTY, item.symbol, item.ports, item.alternatives, item.maybe, defaultRef));
  return { verdict: overallVerdict(parts), parts };
}
function decide(rule, addresses, symbol, ports, alternatives, maybe) {
  const base = { addresses, ports, decidedBy: rule.ref, maybe, ...symbol ? { symbol } : {} };
  if (rule.action === void 0) return { ...base, verdict: "unknown", reason: rule.unknownReason ?? "the rule action is unknown" };
  if ([...alternatives].some((alt) => alt !== rule.action)) {
    return { ...base, verdict: "unknown", reason: reasonFromMaybe(maybe) };
  }
  return { ...base, verdict: verdictOf(rule.action) };
}
function fallThrough(addresses, symbol, ports, alternatives, maybe, defaultRef) {
  const base = { addresses, ports, maybe, ...symbol ? { symbol } : {}, ...defaultRef ? { decidedBy: defaultRef } : {} };
  if ([...alternatives].some((alt) => alt !== "DROP")) return { ...base, verdict: "unknown", reason: reasonFromMaybe(maybe) };
  return { ...base, verdict: "deny" };
}
function reasonFromMaybe(maybe) {
  return `an earlier rule may match but depends on unknown values: ${maybe.map((r) => r.text).join("; ")}`;
}
function subtractBox(boxAddresses, boxPorts, addresses, ports) {
  const out = [];
  if (addresses.isEmpty() || ports.isEmpty()) return [{ addresses: boxAddresses, ports: boxPorts }];
  const outsideAddresses = boxAddresses.subtract(addresses);
  if (!outsideAddresses.isEmpty()) out.push({ addresses: outsideAddresses, ports: boxPorts });
  const insideAddresses = boxAddresses.intersect(addresses);
  const outsidePorts = boxPorts.subtract(ports);
  if (!insideAddresses.isEmpty() && !outsidePorts.isEmpty()) out.push({ addresses: insideAddresses, ports: outsidePorts });
  return out;
}

// src/net/ruleText.ts
function describePeer(spec) {
  switch (spec.kind) {
    case "cidr":
      return spec.cidr;
    case "securityGroup":
      return `members of ${spec.ref}`;
    case "addressTemplate":
    case "addressTemplateGroup":
      return spec.ref;
    case "loadBalancerVip":
      return `VIP of ${spec.ref}`;
    case "unknown":
      return "(unknown)";
  }
}
function describeAction(action) {
  return isUnknown(action) ? "(unknown action)" : action.toUpperCase();
}

// src/net/securityGroupRules.ts
function compileSecurityGroup(resolver, ref, direction) {
  const key = resolver.key(ref);
  const cacheKey = `sg:${direction}:${key}`;
  const cached = resolver.compiledCache.get(cacheKey);
  if (cached !== void 0) return cached;
  const group = resolver.securityGroup(ref);
  let compiled2;
  if (group === void 0) {
    compiled2 = [opaqueRule(listRef(key, direction, `rules of ${ref} (not in this check)`), `${ref} is not in this check, so its rules are unknown`)];
  } else {
    const list = group[direction];
    compiled2 = list.rules.flatMap((rule, index) => compileRule(resolver, group, direction, rule, index));
    if (list.unknownReason !== void 0) {
      compiled2 = [opaqueRule(listRef(key, direction, `rules of ${key}`, group), list.unknownReason), ...compiled2];
    }
  }
  resolver.compiledCache.set(cacheKey, compiled2);
  return compiled2;
}
function listRef(key, direction, text, group) {
  return { list: key, direction, index: -1, text, ...group ? { provenance: group.provenance } : {} };
}
function compileRule(resolver, group, direction, rule, index) {
  const action = isUnknown(rule.action) ? void 0 : rule.action;
  const peer = resolver.peer(rule.peer);
  const services = resolver.services(rule.service);
  const peerText = describePeer(rule.peer);
  return services.map((service) => {
    const text = `${describeAction(rule.action)} ${peerText} ${service.text}${rule.description ? ` (${rule.description})` : ""}`;
    const ref = { list: group.key, direction, index, text, provenance: rule.provenance, ...action ? { action } : {} };
    const reasons = [peer.unknownReason, "unknownReason" in service ? service.unknownReason : void 0, action === void 0 && isUnknown(rule.action) ? `action: ${rule.action.reason}` : void 0].filter(
      (r) => r !== void 0
    );
    if ("unknownReason" in service) {
      const protocols2 = service.protocol === void 0 ? ALL_PROTOCOLS : protocolSet(service.protocol);
      return {
        action,
        protocols: { definite: service.protocol === void 0 ? /* @__PURE__ */ new Set() : protocols2, possible: protocols2 },
        peer,
        ports: { definite: NO_PORTS, possible: ALL_PORTS },
        local: "yes",
        ref,
        unknownReason: reasons.join("; ")
      };
    }
    const protocols = protocolSet(service.protocol);
    return {
      action,
      protocols: { definite: protocols, possible: protocols },
      peer,
      ports: { definite: service.ports, possible: service.ports },
      local: "yes",
      ref,
      ...reasons.length > 0 ? { unknownReason: reasons.join("; ") } : {}
    };
  });
}
function protocolSet(protocol) {
  return protocol === "ALL" ? new Set(PROTOCOLS2) : /* @__PURE__ */ new Set([protocol]);
}
function compileInterface(resolver, nic, direction) {
  const cacheKey = isUnknown(nic.securityGroups) ? `nic:${direction}:${nic.key}` : `groups:${direction}:${nic.securityGroups.join("\0")}`;
  const cached = resolver.compiledCache.get(cacheKey);
  if (cached !== void 0) return cached;
  const compiled2 = compileInterfaceUncached(resolver, nic, direction);
  resolver.compiledCache.set(cacheKey, compiled2);
  return compiled2;
}
function compileInterfaceUncached(resolver, nic, direction) {
  if (isUnknown(nic.securityGroups)) {
    return [opaqueRule({ list: nic.key, direction, index: -1, text: `security groups of ${nic.key}` }, `security groups of ${nic.key}: ${nic.securityGroups.reason}`)];
  }
  return compileGroups(resolver, nic.securityGroups, direction);
}
function compileGroups(resolver, groups, direction) {
  return groups.flatMap((ref) => compileSecurityGroup(resolver, ref, direction));
}

// src/net/interfaceAdmission.ts
function admitToInterface(resolver, nic, query) {
  if (!isUnknown(nic.securityGroups) && nic.securityGroups.length === 0) {
    return everything(query, "unknown", `${nic.key} has no security group in this check (the platform binds a default group)`);
  }
  return evaluateOrdered(query, compileInterface(resolver, nic, "ingress"), defaultDeny(nic.key));
}
function admitThroughGroups(resolver, owner, groups, query) {
  if (groups.length === 0) return everything(query, "allow", `${owner} has no security group: all traffic to listener ports is allowed`);
  return evaluateOrdered(query, compileGroups(resolver, groups, "ingress"), defaultDeny(owner));
}
function defaultDeny(list, direction = "ingress") {
  return { list, direction, index: -1, text: "default deny (no rule matched)" };
}
function everything(query, verdict, text) {
  const parts = [
    ...query.addresses.isEmpty() ? [] : [{ verdict, addresses: query.addresses, ports: query.ports, maybe: [], ...verdict === "allow" ? { note: text } : { reason: text } }],
    ...query.symbols.map((symbol) => ({ verdict, addresses: query.addresses.subtract(query.addresses), symbol, ports: query.ports, maybe: [], ...verdict === "allow" ? { note: text } : { reason: text } }))
  ];
  return { verdict, parts };
}

// src/net/aclAdmission.ts
var DEFAULT_EPHEMERAL_PORTS = portRange(1024, 65535);
function admitThroughAcl(resolver, subnetRef, local, query, ephemeralPorts2 = DEFAULT_EPHEMERAL_PORTS) {
  if (isUnknown(subnetRef)) return { kind: "unknown", reason: `subnet: ${subnetRef.reason}` };
  const subnet = resolver.subnet(subnetRef);
  if (subnet === void 0) return { kind: "unknown", reason: `subnet ${subnetRef} is not in this check, so its ACL is unknown` };
  if (isUnknown(subnet.networkAcl)) return { kind: "unknown", reason: `network ACL of ${subnet.key}: ${subnet.networkAcl.reason}` };
  if (subnet.networkAcl === null) return { kind: "none" };
  const acl = resolver.networkAcl(subnet.networkAcl);
  if (acl === void 0) return { kind: "unknown", reason: `network ACL ${subnet.networkAcl} is not in this check` };
  const subnetCidr = resolver.subnetCidr(subnet.key);
  const exempt = subnetCidr ?? AddressSet.EMPTY;
  const filtered = {
    ...query,
    addresses: query.addresses.subtract(exempt),
    symbols: query.symbols.filter((s) => !(subnetCidr !== void 0 && subnetCidr.covers(s.within)))
  };
  const exemptParts = [];
  const inside = query.addresses.intersect(exempt);
  if (!inside.isEmpty()) exemptParts.push({ verdict: "allow", addresses: inside, ports: query.ports, maybe: [], note: `inside ${subnet.key}: ACLs do not filter traffic within a subnet` });
  const noPorts = !hasPorts(query.protocol);
  const inbound = evaluateOrdered(
    filtered,
    compileAclEntries(acl, "ingress", local, noPorts ? ALL_PORTS : ephemeralPorts2),
    aclDefault(acl.key, "ingress")
  );
  const replyQuery = { ...filtered, ports: noPorts ? ALL_PORTS : ephemeralPorts2 };
  const reply = evaluateOrdered(replyQuery, compileAclEntries(acl, "egress", local, noPorts ? ALL_PORTS : query.ports), aclDefault(acl.key, "egress"));
  const inboundAll = withParts(inbound, exemptParts);
  const replyAll = withParts(reply, exemptParts.map((p) => ({ ...p, ports: replyQuery.ports })));
  return { kind: "checked", acl, inbound: inboundAll, reply: replyAll, verdict: overallVerdict([...inboundAll.parts, ...replyAll.parts]) };
}
function withParts(verdict, extra) {
  if (extra.length === 0) return verdict;
  const parts = [...verdict.parts, ...extra];
  return { verdict: overallVerdict(parts), parts };
}
function aclDefault(list, direction) {
  return { list, direction, index: -1, text: `default ${direction === "ingress" ? "inbound" : "outbound"} deny of the ACL (ALL ALL 0.0.0.0/0 DROP)` };
}
function compileAclEntries(acl, direction, local, sourcePorts) {
  const list = acl[direction];
  const compiled2 = list.entries.map((entry, index) => compileEntry(acl, direction, entry, index, local, sourcePorts));
  if (list.unknownReason !== void 0) {
    return [opaqueRule({ list: acl.key, direction, index: -1, text: `entries of ${acl.key}`, provenance: acl.provenance }, list.unknownReason), ...compiled2];
  }
  return compiled2;
}
function compileEntry(acl, direction, entry, index, local, sourcePorts) {
  const action = isUnknown(entry.action) ? void 0 : entry.action;
  const text = [
    isUnknown(entry.action) ? "(unknown action)" : entry.action,
    isUnknown(entry.peerCidr) ? "(unknown CIDR)" : entry.peerCidr,
    isUnknown(entry.protocol) ? "?" : entry.protocol.toUpperCase(),
    isUnknown(entry.port) ? "?" : entry.port.toUpperCase()
  ].join(" ") + (entry.description ? ` (${entry.description})` : "");
  const ref = { list: acl.key, direction, index, text, provenance: entry.provenance, ...action ? { action } : {} };
  const reasons = [];
  const peer = isUnknown(entry.peerCidr) ? PEER_ANY_UNKNOWN(`CIDR: ${entry.peerCidr.reason}`) : (() => {
    const set = AddressSet.parse(entry.peerCidr);
    return set === void 0 ? PEER_ANY_UNKNOWN(`"${entry.peerCidr}" is not a CIDR`) : { definite: set, possible: set, symbols: /* @__PURE__ */ new Set() };
  })();
  if (peer.unknownReason) reasons.push(peer.unknownReason);
  let protocols = { definite: /* @__PURE__ */ new Set(), possible: ALL_PROTOCOLS };
  let ports = { definite: NO_PORTS, possible: ALL_PORTS };
  const protocol = isUnknown(entry.protocol) ? void 0 : parseProtocol(entry.protocol);
  if (protocol === void 0) reasons.push(isUnknown(entry.protocol) ? `protocol: ${entry.protocol.reason}` : `unsupported protocol "${entry.protocol}"`);
  else {
    const set = protocol === "ALL" ? new Set(PROTOCOLS2) : /* @__PURE__ */ new Set([protocol]);
    protocols = { definite: set, possible: set };
    if (protocol === "ALL" || !hasPorts(protocol)) ports = { definite: ALL_PORTS, possible: ALL_PORTS };
    else if (isUnknown(entry.port)) reasons.push(`port: ${entry.port.reason}`);
    else {
      const parsed = parsePorts(entry.port);
      if (parsed === void 0) reasons.push(`"${entry.port}" is not a port or range`);
      else ports = { definite: parsed, possible: parsed };
    }
  }
  let localMatch = "yes";
  if (acl.type === "QUINTUPLE") {
    localMatch = combine(matchLocal(entry.localCidr, local), matchSourcePorts(entry.sourcePort, sourcePorts));
  }
  return { action, protocols, peer, ports, local: localMatch, ref, ...reasons.length > 0 ? { unknownReason: reasons.join("; ") } : {} };
}
function matchLocal(cidr, local) {
  if (cidr === void 0) return "yes";
  if (isUnknown(cidr)) return "maybe";
  const set = AddressSet.parse(cidr);
  if (set === void 0) return "maybe";
  if (!local.definite.isEmpty() && set.covers(local.possible)) return "yes";
  if (!set.overlaps(local.possible)) return "no";
  return "maybe";
}
function matchSourcePorts(text, sourcePorts) {
  if (text === void 0) return "yes";
  if (isUnknown(text)) return "maybe";
  const set = parsePorts(text);
  if (set === void 0) return "maybe";
  if (set.covers(sourcePorts)) return "yes";
  if (!set.overlaps(sourcePorts)) return "no";
  return "maybe";
}
function combine(a, b) {
  if (a === "no" || b === "no") return "no";
  if (a === "maybe" || b === "maybe") return "maybe";
  return "yes";
}

// src/policy/flowSources.ts
function resolveSources(names, subject, resolver, params) {
  let addresses = AddressSet.EMPTY;
  const symbols = [];
  const labels = [];
  const unknownReasons = [];
  const add = (set, label) => {
    addresses = addresses.union(set);
    labels.push(`${label} (${set.describe()})`);
  };
  for (const name of names) {
    const lb = subject.lb;
    if (name === "clients") {
      const configured = paramCidrs(params.get("clientCidrs"));
      if (configured !== void 0 && !configured.isEmpty()) add(configured, "clients");
      else if (lb === void 0) unknownReasons.push("clients: the subject has no load balancer");
      else if (isUnknown(lb.network)) unknownReasons.push(`clients: network type of ${lb.key} is ${lb.network.reason}`);
      else if (lb.network === "OPEN") add(!isUnknown(lb.ipVersion) && lb.ipVersion === "IPV6" ? AddressSet.ALL_V6 : AddressSet.ALL_V4, "clients");
      else {
        const vpcCidr = resolver.vpcCidr(lb.vpc);
        if (vpcCidr === void 0) unknownReasons.push(`clients: the VPC CIDR of ${lb.key} is not known (set params.clientCidrs)`);
        else add(vpcCidr, "clients in the VPC");
      }
    } else if (name === "lb.vips" || name === "healthCheck.source" && subject.fields.get("healthCheck.source") === "vip") {
      if (lb === void 0) {
        unknownReasons.push(`${name}: the subject has no load balancer`);
        continue;
      }
      const vip = resolver.vip(lb);
      const label = name === "lb.vips" ? "the VIP" : "health checks from the VIP";
      if (vip.symbols.length > 0) {
        symbols.push(...vip.symbols);
        labels.push(`${label} of ${lb.key}`);
      } else add(vip.addresses, label);
    } else if (name === "healthCheck.source") {
      add(HEALTH_CHECK_RANGE, "health checks");
    } else if (name === "snat.ips") {
      if (lb === void 0) {
        unknownReasons.push("snat.ips: the subject has no load balancer");
        continue;
      }
      if (isUnknown(lb.snatIps)) {
        unknownReasons.push(`snat.ips: ${lb.snatIps.reason}`);
        continue;
      }
      for (const snat of lb.snatIps) {
        if (!isUnknown(snat.ip)) add(AddressSet.parse(snat.ip) ?? AddressSet.EMPTY, "SNAT IP");
        else {
          const within = isUnknown(snat.subnet) ? void 0 : resolver.subnetCidr(snat.subnet);
          symbols.push({ id: `snat:${lb.key}:${symbols.length}`, label: `a SNAT IP of ${lb.key}`, within: within ?? AddressSet.ALL_V4 });
          labels.push(`a SNAT IP of ${lb.key}`);
        }
      }
    } else if (name.startsWith("params.")) {
      const set = paramCidrs(params.get(name.slice(7)));
      if (set === void 0) unknownReasons.push(`${name} is not a list of CIDRs`);
      else add(set, name.slice(7));
    } else {
      const set = AddressSet.parse(name);
      if (set === void 0) unknownReasons.push(`"${name}" is neither a named source nor a CIDR`);
      else add(set, name);
    }
  }
  return { addresses, symbols, label: labels.join(", "), unknownReasons };
}
function paramCidrs(value) {
  if (value === void 0) return void 0;
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
  return AddressSet.parseAll(list.map((v) => v.trim()).filter((v) => v !== ""));
}
function resolvePorts(refs, subject, params) {
  let ports = NO_PORTS;
  const unknownReasons = [];
  for (const ref of refs ?? ["backend.port"]) {
    if (typeof ref === "number") {
      ports = ports.union(portRange(ref));
      continue;
    }
    if (ref === "listener.port") {
      const listener = subject.listener;
      if (listener === void 0 || isUnknown(listener.port)) unknownReasons.push("listener port unknown");
      else {
        const end = listener.endPort !== void 0 && !isUnknown(listener.endPort) && listener.endPort > listener.port ? listener.endPort : listener.port;
        ports = ports.union(portRange(listener.port, end));
      }
      continue;
    }
    if (ref === "backend.port" || ref === "healthCheck.port") {
      const value = subject.fields.get(ref);
      if (typeof value === "number" && value >= 0 && value <= 65535) {
        if (value === 0 && subject.listener && !isUnknown(subject.listener.port)) ports = ports.union(portRange(subject.listener.port));
        else ports = ports.union(portRange(value));
      } else unknownReasons.push(`${ref}: ${value !== void 0 && value !== null && typeof value === "object" && "reason" in value ? value.reason : "not known"}`);
      continue;
    }
    if (ref.startsWith("params.")) {
      const value = params.get(ref.slice(7));
      const parsed2 = typeof value === "string" ? parsePorts(value) : typeof value === "number" ? portRange(value) : Array.isArray(value) ? parsePorts(value.join(",")) : void 0;
      if (parsed2 === void 0) unknownReasons.push(`${ref} is not a port list`);
      else ports = ports.union(parsed2);
      continue;
    }
    const parsed = parsePorts(ref);
    if (parsed === void 0) unknownReasons.push(`"${ref}" is not a port`);
    else ports = ports.union(parsed);
  }
  const label = ports.intervals.map(([lo, hi]) => lo === hi ? `${lo}` : `${lo}-${hi}`).join(",");
  return { ports, unknownReasons, label };
}
function resolveProtocol(text, subject) {
  if (text === void 0 || text === "listener") {
    const protocol = subject.listener?.protocol;
    if (protocol === void 0) return "TCP";
    if (isUnknown(protocol)) return { unknownReason: `listener protocol: ${protocol.reason}` };
    return transportOf(protocol);
  }
  const parsed = parseProtocol(text);
  if (parsed === void 0 || parsed === "ALL") return { unknownReason: `unsupported protocol ${text}` };
  return parsed;
}

// src/policy/remediation.ts
function ruleHolder(group, key, mode) {
  if (mode === "live") return `security group ${key}`;
  const holder = group?.ingress.rules.find((r) => r.provenance.type === "tencentcloud_security_group_rule_set")?.provenance.address;
  return holder ?? `a tencentcloud_security_group_rule_set for ${key}`;
}
function peerForFix(sources, mode) {
  const peers = /* @__PURE__ */ new Set();
  for (const symbol of sources.symbols) {
    if (symbol.id.startsWith("vip:")) {
      const lb = symbol.id.slice(4);
      peers.add(mode === "plan" ? `\${${lb}.clb_vips[0]}` : `VIP of ${lb}`);
    } else peers.add(symbol.within.describe());
  }
  for (const cidr of sources.addresses.toCidrs().slice(0, 4)) peers.add(cidr);
  return [...peers];
}
function securityGroupFix(resolver, groupRef, refused, sources, protocol, ports) {
  const mode = resolver.inventory.mode;
  if (groupRef === void 0) return "";
  const group = resolver.securityGroup(groupRef);
  const key = group?.key ?? groupRef;
  const blocking = refused.find((p) => p.decidedBy && p.decidedBy.index >= 0 && p.decidedBy.list === key);
  const where = blocking ? `above rule ${blocking.decidedBy.index} (${blocking.decidedBy.text})` : "(no rule matches this traffic now, so anywhere above a broader DROP works)";
  const portText = protocol === "TCP" || protocol === "UDP" ? describePorts(ports) : "ALL";
  const peers = peerForFix(sources, mode);
  const blocks = peers.map(
    (peer) => [`  ingress {`, `    action     = "ACCEPT"`, `    cidr_block = "${peer}"`, `    protocol   = "${protocol}"`, `    port       = "${portText}"`, `  }`].join("\n")
  );
  const cloudId = group?.provenance.cloudId ?? (mode === "live" ? key : "<security group ID>");
  const api = {
    SecurityGroupId: cloudId,
    SecurityGroupPolicySet: {
      Ingress: peers.map((peer) => ({
        ...blocking ? { PolicyIndex: blocking.decidedBy.index } : {},
        Protocol: protocol,
        ...protocol === "TCP" || protocol === "UDP" ? { Port: portText } : {},
        CidrBlock: peer.startsWith("${") ? "<VIP>" : peer,
        Action: "ACCEPT"
      }))
    }
  };
  return [
    `Add to ${ruleHolder(group, key, mode)} ${where}:`,
    blocks.join("\n"),
    `or with API 3.0: vpc CreateSecurityGroupPolicies ${JSON.stringify(api)}`
  ].join("\n");
}
function aclFix(aclKey, direction, sources, protocol, ports, mode) {
  const portText = protocol === "TCP" || protocol === "UDP" ? describePorts(ports) : "ALL";
  const peers = peerForFix(sources, mode).map((p) => p.startsWith("${") ? "<VIP>" : p);
  const entries = peers.map((peer) => `"ACCEPT#${peer}#${portText}#${protocol}"`);
  return [
    `Add to the ${direction} list of ${aclKey}, before any DROP that covers it: ${entries.join(", ")}`,
    `or with API 3.0: vpc CreateNetworkAclEntries (${direction === "ingress" ? "IngressEntries" : "EgressEntries"}: ${peers.map((p) => `{Protocol: "${protocol}", Port: "${portText}", CidrBlock: "${p}", Action: "ACCEPT"}`).join(", ")}).`
  ].join("\n");
}
function moveDenyFix(dropText, dropIndex, shadowing, groupKey) {
  const sameGroup = shadowing.filter((s) => s.list === groupKey);
  const otherGroups = shadowing.filter((s) => s.list !== groupKey);
  const lines = [];
  if (sameGroup.length > 0) {
    lines.push(
      `Move rule ${dropIndex} (${dropText}) above rule ${Math.min(...sameGroup.map((s) => s.index))} (${sameGroup[0].text}) in ${groupKey}: in Terraform, move its ingress block up; with API 3.0, vpc ReplaceSecurityGroupPolicies or ModifySecurityGroupPolicies with the new order.`
    );
  }
  if (otherGroups.length > 0) {
    lines.push(
      `An earlier security group on the instance admits it first (${otherGroups.map((s) => `${s.list}: ${s.text}`).join("; ")}): put the DROP in that group above its ACCEPT, or move ${groupKey} before it in orderly_security_groups (API 3.0: cvm AssociateSecurityGroups binds in priority order; ModifyInstancesAttribute sets the whole list).`
    );
  }
  return lines.join("\n");
}

// src/policy/assertions/evidence.ts
var MAX_EVIDENCE = 12;
function describePart(part, protocol) {
  const who = part.symbol ? part.symbol.label : part.addresses.describe();
  return protocol === "TCP" || protocol === "UDP" ? `${who} ${protocol}:${describePorts(part.ports)}` : `${who} ${protocol}`;
}
function evidenceOf(parts, query, flow) {
  return parts.slice(0, MAX_EVIDENCE).map((part) => ({
    flow,
    verdict: part.verdict,
    part: describePart(part, query.protocol),
    ...part.decidedBy ? { list: part.decidedBy.list, direction: part.decidedBy.direction } : {},
    ...part.decidedBy && part.decidedBy.index >= 0 ? { index: part.decidedBy.index } : {},
    rule: part.decidedBy?.text ?? (part.verdict === "deny" ? "default deny (no rule matched)" : part.note ?? "not decided"),
    location: part.decidedBy?.provenance?.location ?? null,
    ...part.reason ? { reason: part.reason } : {}
  }));
}
function describeRefused(parts, protocol) {
  const items = parts.slice(0, 3).map((p) => `${describePart(p, protocol)} (${p.decidedBy && p.decidedBy.index >= 0 ? p.decidedBy.text : "default deny"})`);
  return parts.length > 3 ? `${items.join("; ")} and ${parts.length - 3} more` : items.join("; ");
}

// src/policy/assertions/reachable.ts
function prepareFlow(spec, ctx) {
  const sources = resolveSources(spec.from, ctx.subject, ctx.resolver, ctx.params);
  const ports = resolvePorts(spec.ports, ctx.subject, ctx.params);
  const protocol = resolveProtocol(spec.protocol, ctx.subject);
  if (typeof protocol !== "string") return { unknownReason: protocol.unknownReason };
  const reasons = [...sources.unknownReasons, ...ports.unknownReasons];
  if (sources.addresses.isEmpty() && sources.symbols.length === 0 || ports.ports.isEmpty()) return { unknownReason: reasons.join("; ") || "nothing to check" };
  return {
    query: { protocol, addresses: sources.addresses, symbols: sources.symbols, ports: ports.ports },
    label: `${sources.label} \u2192 ${protocol}${protocol === "TCP" || protocol === "UDP" ? `:${ports.label}` : ""}`,
    portsLabel: ports.label,
    unknownReasons: reasons
  };
}
function evaluateLayers(through, query, ctx) {
  const { subject, resolver } = ctx;
  const outcomes = [];
  for (const layer of through) {
    if (layer === "loadBalancerSecurityGroups") {
      const lb = subject.lb;
      if (lb === void 0) continue;
      const location2 = lb.provenance.location ?? null;
      if (isUnknown(lb.securityGroups)) outcomes.push({ layer, resource: lb.key, location: location2, verdicts: [], unknownReason: `security groups of ${lb.key}: ${lb.securityGroups.reason}` });
      else outcomes.push({ layer, resource: lb.key, location: location2, verdicts: [{ verdict: admitThroughGroups(resolver, lb.key, lb.securityGroups, query), direction: "ingress", query }] });
      continue;
    }
    const nic = subject.nic;
    const resource = subject.resource;
    const location = subject.provenance.location ?? null;
    if (nic === void 0) continue;
    if (isUnknown(nic)) {
      outcomes.push({ layer, resource, location, verdicts: [], unknownReason: nic.reason });
      continue;
    }
    if (layer === "securityGroups") {
      const groups = isUnknown(nic.securityGroups) ? `?${nic.key}` : nic.securityGroups.join(",");
      const verdict = memo(resolver, `sg|${groups}|${queryKey(query)}`, () => admitToInterface(resolver, nic, query));
      outcomes.push({ layer, resource, location, verdicts: [{ verdict, direction: "ingress", query }] });
      continue;
    }
    const ephemeral = ephemeralPorts(ctx);
    const local = resolver.interfaceAddresses(nic);
    const subnetKey = isUnknown(nic.subnet) ? `?${nic.key}` : nic.subnet;
    const acl = memo(
      resolver,
      `acl|${subnetKey}|${local.definite.key()}|${local.possible.key()}|${ephemeral.intervals.join(";")}|${queryKey(query)}`,
      () => admitThroughAcl(resolver, nic.subnet, local, query, ephemeral)
    );
    if (acl.kind === "none") continue;
    if (acl.kind === "unknown") {
      outcomes.push({ layer, resource, location, verdicts: [], unknownReason: acl.reason });
      continue;
    }
    const replyQuery = { ...query, ports: query.protocol === "TCP" || query.protocol === "UDP" ? ephemeral : query.ports };
    outcomes.push({
      layer,
      resource: acl.acl.key,
      location: acl.acl.provenance.location ?? null,
      verdicts: [
        { verdict: acl.inbound, direction: "ingress", query },
        { verdict: acl.reply, direction: "egress", query: replyQuery }
      ]
    });
  }
  return outcomes;
}
function queryKey(query) {
  return `${query.protocol}|${query.ports.intervals.join(";")}|${query.addresses.key()}|${query.symbols.map((s) => `${s.id}@${s.within.key()}`).join(",")}`;
}
function memo(resolver, key, compute) {
  const cacheKey = `flow:${key}`;
  if (resolver.compiledCache.has(cacheKey)) return resolver.compiledCache.get(cacheKey);
  const value = compute();
  resolver.compiledCache.set(cacheKey, value);
  return value;
}
function ephemeralPorts(ctx) {
  const value = ctx.params.get("ephemeralPorts");
  if (typeof value === "string") return parsePorts(value) ?? DEFAULT_EPHEMERAL_PORTS;
  return DEFAULT_EPHEMERAL_PORTS;
}
function rulePeer(resolver, ref) {
  if (ref.index < 0) return void 0;
  const group = resolver.securityGroup(ref.list);
  const rule = group?.[ref.direction].rules[ref.index];
  return rule === void 0 ? void 0 : resolver.peer(rule.peer).definite;
}
function isDeliberateDrop(part, query, resolver) {
  if (part.verdict !== "deny" || part.decidedBy === void 0 || part.decidedBy.action !== "DROP") return false;
  const peer = rulePeer(resolver, part.decidedBy);
  return peer !== void 0 && !peer.covers(query.addresses);
}
function checkReachable(spec, ctx) {
  const flow = prepareFlow(spec, ctx);
  if ("unknownReason" in flow) return [unknownFailure(ctx, flow.unknownReason, "reachable")];
  const failures = [];
  for (const outcome of evaluateLayers(spec.through, flow.query, ctx)) {
    if (outcome.unknownReason !== void 0) {
      failures.push({ ...unknownFailure(ctx, outcome.unknownReason, outcome.layer), resource: outcome.resource, location: outcome.location });
      continue;
    }
    const denied = [];
    const unknownParts = [];
    for (const { verdict, direction, query } of outcome.verdicts) {
      for (const part of verdict.parts) {
        if (part.verdict === "deny" && !(spec.allowDeliberateDrops && isDeliberateDrop(part, query, ctx.resolver))) denied.push({ part, direction, query });
        if (part.verdict === "unknown") unknownParts.push({ part, direction, query });
      }
    }
    if (denied.length === 0 && unknownParts.length === 0 && flow.unknownReasons.length === 0) continue;
    const bad = denied.length > 0 ? denied : unknownParts;
    const evidence = bad.flatMap(({ part, direction, query }) => evidenceOf([part], query, direction === "egress" ? `replies to ${flow.label}` : flow.label));
    const refusedText = bad.map(({ part, direction, query }) => direction === "egress" ? `replies to ${describeRefused([part], query.protocol)}` : describeRefused([part], query.protocol)).slice(0, 3).join("; ");
    const status = denied.length > 0 ? "fail" : "unknown";
    const reason = status === "unknown" ? [...unknownParts.map((u) => u.part.reason ?? "unknown"), ...flow.unknownReasons].filter((r, i, a) => a.indexOf(r) === i).join("; ") : "";
    failures.push({
      status,
      resource: outcome.resource,
      related: relatedOf(ctx, outcome, bad.map((b) => b.part)),
      evidence,
      vars: /* @__PURE__ */ new Map([
        ["refused", refusedText],
        ["flow", flow.label],
        ["decidedBy", bad[0]?.part.decidedBy?.text ?? "default deny"],
        ["reason", reason],
        ["layer", outcome.layer]
      ]),
      location: outcome.location,
      fix: status === "fail" ? fixFor(outcome, denied, ctx) : void 0,
      key: `${outcome.layer}`,
      ...ctx.subject.provenance.consoleUrl ? { consoleUrl: ctx.subject.provenance.consoleUrl } : {}
    });
  }
  return failures;
}
function relatedOf(ctx, outcome, parts) {
  const lists = parts.map((p) => p.decidedBy?.list).filter((l) => l !== void 0);
  const out = [...ctx.subject.related, ...outcome.resource !== ctx.subject.resource ? [ctx.subject.resource] : [], ...lists];
  return out.filter((v, i) => out.indexOf(v) === i && v !== outcome.resource);
}
function fixFor(outcome, denied, ctx) {
  const first = denied[0];
  if (outcome.layer === "networkAcl") {
    const byDirection = (d) => denied.filter((x) => x.direction === d);
    return ["ingress", "egress"].filter((d) => byDirection(d).length > 0).map((d) => aclFix(outcome.resource, d, first.query, first.query.protocol, byDirection(d)[0].query.ports, ctx.resolver.inventory.mode)).join("\n");
  }
  let group;
  if (outcome.layer === "loadBalancerSecurityGroups") {
    const lbGroups = ctx.subject.lb?.securityGroups;
    group = lbGroups !== void 0 && !isUnknown(lbGroups) ? lbGroups[0] : void 0;
  } else {
    const nic = ctx.subject.nic;
    group = nic !== void 0 && !isUnknown(nic) && !isUnknown(nic.securityGroups) ? nic.securityGroups[0] : void 0;
  }
  const blockingGroup = denied.find((d) => d.part.decidedBy && d.part.decidedBy.index >= 0)?.part.decidedBy?.list;
  return securityGroupFix(ctx.resolver, blockingGroup ?? group, denied.map((d) => d.part), first.query, first.query.protocol, first.query.ports);
}
function unknownFailure(ctx, reason, key) {
  return {
    status: "unknown",
    resource: ctx.subject.resource,
    related: ctx.subject.related,
    evidence: [{ verdict: "unknown", rule: "not decided", reason }],
    vars: /* @__PURE__ */ new Map([["reason", reason], ["refused", `(unknown: ${reason})`], ["flow", ""], ["decidedBy", ""]]),
    location: ctx.subject.provenance.location ?? null,
    key
  };
}

// src/policy/assertions/bypassedDeny.ts
function checkDenyEffectiveForLoadBalancerTraffic(ctx) {
  const { subject, resolver } = ctx;
  const { lb, listener, nic, target } = subject;
  if (lb === void 0 || listener === void 0 || nic === void 0 || isUnknown(nic) || target === void 0) return [];
  if (isUnknown(target.port) || isUnknown(listener.port) || isUnknown(listener.protocol)) return [];
  const protocol = transportOf(listener.protocol);
  const failures = [];
  for (const rule of compileInterface(resolver, nic, "ingress")) {
    if (rule.action !== "DROP" || rule.ref.index < 0) continue;
    if (!rule.protocols.definite.has(protocol) || !rule.ports.definite.has(target.port)) continue;
    const peer = rulePeer(resolver, rule.ref);
    if (peer === void 0 || peer.isEmpty()) continue;
    const lbGroups = isUnknown(lb.securityGroups) ? void 0 : lb.securityGroups;
    if (lbGroups === void 0) continue;
    const verdict = admitThroughGroups(resolver, lb.key, lbGroups, { protocol, addresses: peer, symbols: [], ports: portRange(listener.port) });
    if (verdict.parts.every((p) => p.verdict === "deny" && p.decidedBy !== void 0 && p.decidedBy.index >= 0)) continue;
    const admitted = verdict.parts.some((p) => p.verdict !== "deny");
    const carried = lbGroups.length === 0 ? `${lb.key} has no security group` : admitted ? `the security groups of ${lb.key} (${lbGroups.join(", ")}) admit it on ${listener.port}` : `the security groups of ${lb.key} (${lbGroups.join(", ")}) have no DROP for it (only their default deny refuses it, until they are opened wider)`;
    failures.push({
      status: "fail",
      resource: rule.ref.list,
      related: [subject.resource, lb.key, listener.key],
      evidence: [
        { verdict: "deny", list: rule.ref.list, direction: "ingress", index: rule.ref.index, rule: rule.ref.text, part: "not evaluated for CLB traffic (pass-to-target)", location: rule.ref.provenance?.location ?? null },
        ...verdict.parts.filter((p) => p.verdict !== "deny" || p.decidedBy === void 0 || p.decidedBy.index < 0).slice(0, 3).map((p) => ({ verdict: p.verdict, ...p.decidedBy ? { list: p.decidedBy.list, direction: p.decidedBy.direction, index: p.decidedBy.index } : {}, rule: p.decidedBy?.text ?? p.note ?? "no security group", part: `${p.addresses.describe()} \u2192 ${listener.port}`, location: p.decidedBy?.provenance?.location ?? null }))
      ],
      vars: /* @__PURE__ */ new Map([
        ["denyRule", rule.ref.text],
        ["carried", carried]
      ]),
      location: rule.ref.provenance?.location ?? null,
      fix: `Block ${peer.describe()} in the CLB's own security group instead: add "DROP ${peer.describe()} ${protocol}:${listener.port}" at the top of ${lbGroups[0] ?? `a security group bound to ${lb.key} (tencentcloud_clb_security_group_attachment)`} (API 3.0: vpc CreateSecurityGroupPolicies with PolicyIndex 0), or turn load_balancer_pass_to_target off so backend groups apply again.`,
      key: `${rule.ref.index}:${lb.key}`
    });
  }
  return failures;
}

// src/net/shadowAnalysis.ts
function findIneffectiveDenies(rules) {
  const out = [];
  rules.forEach((rule, i) => {
    if (rule.action !== "DROP" || rule.local !== "yes") return;
    const shadows = /* @__PURE__ */ new Map();
    let remainsSomewhere = false;
    let matchesSomething = false;
    for (const protocol of PROTOCOLS2) {
      if (!rule.protocols.definite.has(protocol)) continue;
      let region = [{ addresses: rule.peer.definite, ports: rule.ports.definite }].filter(nonEmpty);
      if (region.length === 0) continue;
      matchesSomething = true;
      for (let j = 0; j < i && region.length > 0; j++) {
        const earlier = rules[j];
        if (earlier.local !== "yes" || !earlier.protocols.definite.has(protocol)) continue;
        const match = { addresses: earlier.peer.definite, ports: earlier.ports.definite };
        if (!nonEmpty(match)) continue;
        const overlap = region.map((box) => intersect(box, match)).filter(nonEmpty);
        if (overlap.length > 0 && earlier.action === "ACCEPT") {
          const entry = shadows.get(j) ?? { rule: earlier.ref, parts: [] };
          entry.parts.push(...overlap.map((box) => describeBox(protocol, box)));
          shadows.set(j, entry);
        }
        region = region.flatMap((box) => subtract(box, match));
      }
      if (region.length > 0) remainsSomewhere = true;
    }
    if (shadows.size > 0 && matchesSomething) {
      out.push({
        rule: rule.ref,
        shadowedBy: [...shadows.values()].map((s) => ({ rule: s.rule, overlap: s.parts.join("; ") })),
        wholly: !remainsSomewhere
      });
    }
  });
  return out;
}
function nonEmpty(box) {
  return !box.addresses.isEmpty() && !box.ports.isEmpty();
}
function intersect(a, b) {
  return { addresses: a.addresses.intersect(b.addresses), ports: a.ports.intersect(b.ports) };
}
function subtract(box, cut) {
  const inside = box.addresses.intersect(cut.addresses);
  if (inside.isEmpty() || !box.ports.overlaps(cut.ports)) return [box];
  return [
    { addresses: box.addresses.subtract(cut.addresses), ports: box.ports },
    { addresses: inside, ports: box.ports.subtract(cut.ports) }
  ].filter(nonEmpty);
}
function describeBox(protocol, box) {
  const ports = protocol === "TCP" || protocol === "UDP" ? `:${describePorts(box.ports)}` : "";
  return `${box.addresses.describe()} ${protocol}${ports}`;
}

// src/policy/assertions/ineffectiveDeny.ts
function checkNoIneffectiveDeny(direction, ctx) {
  const { subject, resolver } = ctx;
  const found = /* @__PURE__ */ new Map();
  const record = (deny, nicKey) => {
    const entry = found.get(deny.rule.index) ?? { deny, interfaces: /* @__PURE__ */ new Set(), shadowing: /* @__PURE__ */ new Map() };
    if (nicKey !== void 0) entry.interfaces.add(nicKey);
    for (const s of deny.shadowedBy) entry.shadowing.set(`${s.rule.list}#${s.rule.index}`, { text: s.rule.text, list: s.rule.list, index: s.rule.index, overlap: s.overlap });
    found.set(deny.rule.index, entry);
  };
  if (subject.securityGroup !== void 0) {
    const key = subject.securityGroup.key;
    for (const deny of findIneffectiveDenies(compileSecurityGroup(resolver, key, direction))) record(deny);
    for (const nic of resolver.groupMembers(key)) {
      if (isUnknown(nic.securityGroups)) continue;
      const cacheKey = `shadow:${direction}:${nic.securityGroups.join(",")}`;
      let denies = resolver.compiledCache.get(cacheKey);
      if (denies === void 0) {
        denies = findIneffectiveDenies(compileInterface(resolver, nic, direction));
        resolver.compiledCache.set(cacheKey, denies);
      }
      for (const deny of denies) {
        if (deny.rule.list === key) record(deny, nic.instance ?? nic.key);
      }
    }
  } else if (subject.networkAcl !== void 0) {
    const everywhere = { definite: AddressSet.ALL, possible: AddressSet.ALL };
    for (const deny of findIneffectiveDenies(compileAclEntries(subject.networkAcl, direction, everywhere, ALL_PORTS))) record(deny);
  } else return [];
  return [...found.values()].map(({ deny, interfaces, shadowing }) => {
    const shadows = [...shadowing.values()];
    const listKey = subject.resource;
    return {
      status: "fail",
      resource: listKey,
      related: [.../* @__PURE__ */ new Set([...shadows.map((s) => s.list).filter((l) => l !== listKey), ...interfaces])],
      evidence: [
        { verdict: "deny", list: listKey, direction, index: deny.rule.index, rule: deny.rule.text, part: deny.wholly ? "decides nothing" : "decides only part of what it matches", location: deny.rule.provenance?.location ?? null },
        ...shadows.map((s) => {
          const ref = deny.shadowedBy.find((x) => x.rule.list === s.list && x.rule.index === s.index)?.rule;
          return { verdict: "allow", list: s.list, direction, index: s.index, rule: s.text, part: `already admits ${s.overlap}`, location: ref?.provenance?.location ?? null };
        })
      ],
      vars: /* @__PURE__ */ new Map([
        ["denyRule", deny.rule.text],
        ["denyIndex", String(deny.rule.index)],
        ["shadowingRule", shadows.map((s) => s.list === listKey ? `rule ${s.index} (${s.text})` : `${s.list} rule ${s.index} (${s.text})`).join(", ")],
        ["overlap", shadows.map((s) => s.overlap).join("; ")],
        ["extent", deny.wholly ? "never matches" : "matches only part of its traffic"]
      ]),
      location: deny.rule.provenance?.location ?? subject.provenance.location ?? null,
      fix: moveDenyFix(deny.rule.text, deny.rule.index, shadows, listKey),
      key: `${direction}:${deny.rule.index}`
    };
  });
}

// src/policy/assertions/notReachable.ts
function checkNotReachable(spec, ctx) {
  const flow = prepareFlow(spec, ctx);
  if ("unknownReason" in flow) return [];
  const failures = [];
  for (const outcome of evaluateLayers(spec.through, flow.query, ctx)) {
    const admitted = [];
    for (const { verdict, direction } of outcome.verdicts) {
      if (direction !== "ingress") continue;
      for (const part of verdict.parts) {
        if (part.verdict !== "allow" || part.decidedBy === void 0) continue;
        if (spec.byRuleCoveringSource) {
          const peer = rulePeer(ctx.resolver, part.decidedBy);
          if (peer === void 0 || !peer.covers(flow.query.addresses)) continue;
        }
        admitted.push(part);
      }
    }
    if (admitted.length === 0) continue;
    const rule = admitted[0].decidedBy;
    failures.push({
      status: "fail",
      resource: outcome.resource,
      related: [...ctx.subject.related, ...admitted.map((p) => p.decidedBy.list)].filter((v, i, a) => a.indexOf(v) === i && v !== outcome.resource),
      evidence: evidenceOf(admitted, flow.query, flow.label),
      vars: /* @__PURE__ */ new Map([
        ["admitted", describeRefused(admitted, flow.query.protocol).replace(/\(([^)]*)\)/g, "by $1")],
        ["decidedBy", rule.text],
        ["flow", flow.label]
      ]),
      location: outcome.location,
      fix: `Narrow or remove ${rule.text} in ${rule.list}${rule.provenance?.location ? ` (${rule.provenance.location.file}:${rule.provenance.location.line})` : ""}: admit only the admin networks (params.adminCidrs), e.g. a bastion or VPN range. With API 3.0: vpc ReplaceSecurityGroupPolicies on PolicyIndex ${rule.index}.`,
      key: `${outcome.layer}:${rule.list}:${rule.index}`
    });
  }
  return failures;
}

// src/policy/conditions.ts
function fieldSource(fields, params) {
  return {
    field(path) {
      if (path.startsWith("params.")) {
        const value = params.get(path.slice("params.".length));
        return value === void 0 ? null : value;
      }
      return fields.get(path);
    }
  };
}
function evaluateCondition(condition, source) {
  if ("all" in condition) {
    let result2 = "yes";
    for (const c of condition.all) {
      const t = evaluateCondition(c, source);
      if (t === "no") return "no";
      if (t === "unknown") result2 = "unknown";
    }
    return result2;
  }
  if ("any" in condition) {
    let result2 = "no";
    for (const c of condition.any) {
      const t = evaluateCondition(c, source);
      if (t === "yes") return "yes";
      if (t === "unknown") result2 = "unknown";
    }
    return result2;
  }
  if ("not" in condition) {
    const t = evaluateCondition(condition.not, source);
    return t === "yes" ? "no" : t === "no" ? "yes" : "unknown";
  }
  const value = source.field(condition.field);
  if (value === void 0) return "no";
  if (condition.exists !== void 0) {
    if (isUnknown(value)) return "unknown";
    const present = value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);
    return present === condition.exists ? "yes" : "no";
  }
  if (isUnknown(value)) return "unknown";
  const bool = (b) => b ? "yes" : "no";
  if ("equals" in condition) return bool(sameScalar(value, condition.equals));
  if ("notEquals" in condition) return bool(!sameScalar(value, condition.notEquals));
  if (condition.in !== void 0) return bool(condition.in.some((c) => sameScalar(value, c)));
  if (condition.greaterThan !== void 0) return bool(typeof value === "number" && value > condition.greaterThan);
  if (condition.lessThan !== void 0) return bool(typeof value === "number" && value < condition.lessThan);
  if (condition.inCidr !== void 0) {
    const bounds = AddressSet.parseAll(typeof condition.inCidr === "string" ? [condition.inCidr] : condition.inCidr);
    const values = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
    const set = AddressSet.parseAll(values);
    if (bounds === void 0 || set === void 0 || set.isEmpty()) return "no";
    return bool(bounds.covers(set));
  }
  return "no";
}
function sameScalar(value, expected) {
  if (Array.isArray(value)) return false;
  if (typeof value === "string" && typeof expected === "string") return value.toUpperCase() === expected.toUpperCase();
  return value === expected;
}

// src/policy/messageTemplate.ts
var PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9.]{0,100})\s*\}\}/g;
function renderTemplate(template, source, vars) {
  return template.replace(PLACEHOLDER, (whole, path) => {
    const fromVars = vars.get(path);
    if (fromVars !== void 0) return fromVars;
    const value = source.field(path);
    if (value === void 0) return whole;
    if (value === null) return "(none)";
    if (isUnknown(value)) return "(unknown)";
    if (Array.isArray(value)) return value.join(", ");
    return String(value);
  });
}

// src/policy/subjects.ts
function* subjectsOf(kind, resolver, params) {
  const inv = resolver.inventory;
  switch (kind) {
    case "loadBalancer":
      for (const lb of inv.loadBalancers.values()) yield lbSubject(lb, resolver);
      return;
    case "listener":
      for (const lb of inv.loadBalancers.values()) for (const listener of lb.listeners) yield listenerSubject(lb, listener, resolver);
      return;
    case "backend":
      yield* backendSubjects(resolver, params);
      return;
    case "instance":
      for (const instance of inv.instances.values()) yield instanceSubject(instance, resolver);
      return;
    case "securityGroup":
      for (const sg of inv.securityGroups.values()) {
        yield { kind, resource: sg.key, provenance: sg.provenance, related: [], fields: /* @__PURE__ */ new Map([["sg.key", sg.key], ["sg.name", sg.name ?? sg.key]]), securityGroup: sg };
      }
      return;
    case "networkAcl":
      for (const acl of inv.networkAcls.values()) {
        yield { kind, resource: acl.key, provenance: acl.provenance, related: [], fields: /* @__PURE__ */ new Map([["acl.key", acl.key], ["acl.name", acl.name ?? acl.key], ["acl.type", acl.type]]), networkAcl: acl };
      }
      return;
  }
}
function lbFields(lb, resolver) {
  const vips = resolver.vip(lb);
  return [
    ["lb.key", lb.key],
    ["lb.name", lb.name ?? lb.key],
    ["lb.network", lb.network],
    ["lb.ipVersion", lb.ipVersion],
    ["lb.passToTarget", lb.passToTarget],
    ["lb.passToTargetEffective", effectivePassToTarget(lb)],
    ["lb.snat", lb.snat],
    ["lb.snatPro", lb.snatPro],
    ["lb.securityGroups", lb.securityGroups],
    ["lb.vips", vips.symbols.length > 0 ? unknown("VIP known after apply") : vips.addresses.toCidrs()],
    ["lb.vipText", vips.symbols.length > 0 ? `the VIP of ${lb.key}` : vips.addresses.describe()]
  ];
}
function effectivePassToTarget(lb) {
  if (!isUnknown(lb.ipVersion) && lb.ipVersion === "IPV6") return true;
  if (!isUnknown(lb.snatPro) && lb.snatPro === true) return false;
  return lb.passToTarget;
}
function lbSubject(lb, resolver) {
  return { kind: "loadBalancer", resource: lb.key, provenance: lb.provenance, related: lb.listeners.map((l) => l.key), fields: new Map(lbFields(lb, resolver)), lb };
}
function listenerFields(listener) {
  return [
    ["listener.key", listener.key],
    ["listener.name", listener.name ?? listener.key],
    ["listener.protocol", listener.protocol],
    ["listener.transport", isUnknown(listener.protocol) ? listener.protocol : transportOf(listener.protocol)],
    ["listener.port", listener.port],
    ["listener.isLayer7", isUnknown(listener.protocol) ? listener.protocol : listener.protocol === "HTTP" || listener.protocol === "HTTPS"]
  ];
}
function listenerSubject(lb, listener, resolver) {
  return {
    kind: "listener",
    resource: listener.key,
    provenance: listener.provenance,
    related: [lb.key],
    fields: new Map([...lbFields(lb, resolver), ...listenerFields(listener), ...healthFields(listener.healthCheck, listener, void 0, void 0)]),
    lb,
    listener,
    healthCheck: listener.healthCheck
  };
}
function healthCheckPort(healthCheck, listener, backendPort) {
  const l4 = !isUnknown(listener.protocol) && (listener.protocol === "TCP" || listener.protocol === "UDP");
  if (l4 && healthCheck.port !== void 0) {
    if (isUnknown(healthCheck.port)) return healthCheck.port;
    if (healthCheck.port > 0) return healthCheck.port;
  }
  return backendPort ?? null;
}
function healthFields(healthCheck, listener, backendPort, params) {
  const fallback = params?.get("defaultHealthCheckSource") === "range" ? "range" : "vip";
  const source = isUnknown(healthCheck.sourceIpType) ? fallback : healthCheck.sourceIpType === 1 ? "range" : "vip";
  const allowlisted = source === "range" && params?.get("healthCheckRangeAllowlisted") !== false;
  return [
    ["healthCheck.enabled", healthCheck.enabled],
    ["healthCheck.port", healthCheckPort(healthCheck, listener, backendPort)],
    ["healthCheck.type", healthCheck.type ?? null],
    ["healthCheck.sourceIpType", healthCheck.sourceIpType],
    ["healthCheck.source", source],
    ["healthCheck.sourceAllowlisted", allowlisted]
  ];
}
function* backendSubjects(resolver, params) {
  for (const lb of resolver.inventory.loadBalancers.values()) {
    for (const listener of lb.listeners) {
      const groups = [{ healthCheck: listener.healthCheck, targets: listener.targets }];
      for (const rule of listener.rules) groups.push({ rule, healthCheck: rule.healthCheck, targets: rule.targets });
      for (const group of groups) {
        for (const target of group.targets) yield backendSubject(resolver, params, lb, listener, group.rule, group.healthCheck, target);
      }
      if (listener.targetsUnknownReason !== void 0) {
        const target = { instance: unknown(listener.targetsUnknownReason), port: unknown(listener.targetsUnknownReason), via: "listener", provenance: listener.provenance };
        yield { ...backendSubject(resolver, params, lb, listener, void 0, listener.healthCheck, target), resource: listener.key };
      }
    }
  }
}
function backendSubject(resolver, params, lb, listener, rule, healthCheck, target) {
  let nic;
  let instance;
  let resource;
  if (target.instance !== void 0) {
    if (isUnknown(target.instance)) {
      nic = target.instance;
      resource = target.provenance.address;
    } else {
      instance = resolver.instance(target.instance);
      resource = instance?.key ?? target.instance;
      nic = instance?.interfaces.find((i) => i.primary) ?? instance?.interfaces[0] ?? unknown(`${target.instance} is not in this check`);
    }
  } else if (target.eniIp !== void 0 && !isUnknown(target.eniIp)) {
    const found = resolver.interfaceWithIp(target.eniIp);
    nic = found ?? unknown(`no interface with IP ${target.eniIp} in this check`);
    instance = found?.instance !== void 0 ? resolver.instance(found.instance) : void 0;
    resource = instance?.key ?? found?.key ?? target.eniIp;
  } else {
    nic = unknown("the target is known only after apply");
    resource = target.provenance.address;
  }
  const provenance = instance?.provenance ?? (isUnknown(nic) ? target.provenance : nic.provenance);
  const subnet = isUnknown(nic) ? nic : nic.subnet;
  return {
    kind: "backend",
    resource,
    provenance,
    related: [listener.key, lb.key, ...rule ? [rule.key] : [], target.provenance.address].filter((v, i, all) => all.indexOf(v) === i && v !== resource),
    fields: new Map([
      ...lbFields(lb, resolver),
      ...listenerFields(listener),
      ...healthFields(healthCheck, listener, target.port, params),
      ["rule.key", rule?.key ?? null],
      ["rule.domain", rule?.domain ?? null],
      ["rule.url", rule?.url ?? null],
      ["backend.port", target.port],
      ["backend.via", target.via],
      ["backend.target", target.instance ?? target.eniIp ?? null],
      ["backend.resource", resource],
      ["instance.key", instance?.key ?? null],
      ["instance.name", instance?.name ?? resource],
      ["instance.os", instance?.os ?? unknown("instance not in this check")],
      ["subnet.key", subnet ?? null]
    ]),
    lb,
    listener,
    ...rule ? { rule } : {},
    target,
    healthCheck,
    nic,
    ...instance ? { instance } : {}
  };
}
function instanceSubject(instance, resolver) {
  const nic = instance.interfaces.find((i) => i.primary) ?? instance.interfaces[0];
  return {
    kind: "instance",
    resource: instance.key,
    provenance: instance.provenance,
    related: [],
    fields: /* @__PURE__ */ new Map([
      ["instance.key", instance.key],
      ["instance.name", instance.name ?? instance.key],
      ["instance.os", instance.os],
      ["subnet.key", nic === void 0 ? null : nic.subnet]
    ]),
    nic: nic ?? unknown(`${instance.key} has no network interface in this check`),
    instance
  };
  void resolver;
}

// src/policy/evaluatePolicies.ts
function evaluatePolicies(inventory, policies) {
  const resolver = new InventoryResolver(inventory);
  const findings = /* @__PURE__ */ new Map();
  let backends = 0;
  const subjectCache = /* @__PURE__ */ new Map();
  for (const { policy, severity, params } of policies) {
    const cacheKey = `${policy.subject}|${String(params.get("defaultHealthCheckSource"))}|${String(params.get("healthCheckRangeAllowlisted"))}`;
    let subjects = subjectCache.get(cacheKey);
    if (subjects === void 0) {
      subjects = [...subjectsOf(policy.subject, resolver, { get: (name) => params.get(name) })];
      subjectCache.set(cacheKey, subjects);
    }
    for (const subject of subjects) {
      const source = fieldSource(subject.fields, params);
      const applies = policy.where === void 0 ? "yes" : evaluateCondition(policy.where, source);
      if (applies === "no") continue;
      const ctx = { subject, resolver, params };
      let failures = runAssertion(policy.assert, ctx);
      if (applies === "unknown") {
        failures = failures.map((f) => ({ ...f, status: "unknown", vars: new Map([...f.vars, ["reason", "whether the policy applies depends on unknown values"]]) }));
      }
      for (const failure of failures) {
        const message = renderTemplate(failure.status === "unknown" ? unknownMessage(policy.message) : policy.message, source, failure.vars);
        const remediation = [policy.remediation ? renderTemplate(policy.remediation, source, failure.vars) : void 0, failure.fix].filter((r) => r !== void 0 && r !== "").join("\n");
        const fingerprint = fingerprintOf(policy.id, failure.resource, failure.key);
        const existing = findings.get(fingerprint);
        if (existing !== void 0) {
          findings.set(fingerprint, merge(existing, failure));
          continue;
        }
        findings.set(fingerprint, {
          policy: policy.id,
          title: policy.title,
          severity,
          status: failure.status,
          resource: failure.resource,
          related: failure.related,
          message,
          location: failure.location,
          evidence: failure.evidence,
          ...remediation !== "" ? { remediation } : {},
          ...policy.docs ? { docs: policy.docs } : {},
          fingerprint,
          ...failure.consoleUrl ? { consoleUrl: failure.consoleUrl } : {},
          extra: 0
        });
      }
    }
  }
  for (const lb of inventory.loadBalancers.values()) for (const l of lb.listeners) backends += l.targets.length + l.rules.reduce((n, r) => n + r.targets.length, 0);
  const out = [...findings.values()].map(({ extra, ...finding }) => extra > 0 ? { ...finding, message: `${finding.message} (and ${extra} more ${extra === 1 ? "flow" : "flows"} like it)` } : finding);
  return { findings: out, counts: { loadBalancers: inventory.loadBalancers.size, backends, securityGroups: inventory.securityGroups.size } };
}
var MAX_EVIDENCE2 = 20;
function merge(existing, failure) {
  const room = MAX_EVIDENCE2 - existing.evidence.length;
  let evidence = existing.evidence;
  if (room > 0) {
    const evidenceKeys = new Set(existing.evidence.map((e) => JSON.stringify(e)));
    evidence = [...existing.evidence, ...failure.evidence.filter((e) => !evidenceKeys.has(JSON.stringify(e))).slice(0, room)];
  }
  const related = existing.related.length >= 50 ? existing.related : [.../* @__PURE__ */ new Set([...existing.related, ...failure.related])].slice(0, 50);
  const status = existing.status === "fail" || failure.status === "fail" ? "fail" : "unknown";
  return { ...existing, status, evidence, related, extra: existing.extra + 1 };
}
function unknownMessage(message) {
  return `Could not decide: {{reason}}. (Policy: ${message})`;
}
function fingerprintOf(policy, resource, key) {
  return createHash("sha256").update(`${policy}\0${resource}\0${key}`).digest("hex").slice(0, 32);
}
function runAssertion(assertion, ctx) {
  if ("all" in assertion) return assertion.all.flatMap((a) => runAssertion(a, ctx));
  if ("if" in assertion) {
    const truth2 = evaluateCondition(assertion.if, fieldSource(ctx.subject.fields, ctx.params));
    if (truth2 === "no") return [];
    const failures = runAssertion(assertion.then, ctx);
    return truth2 === "yes" ? failures : failures.map((f) => ({ ...f, status: "unknown" }));
  }
  if ("reachable" in assertion) return checkReachable(assertion.reachable, ctx);
  if ("notReachable" in assertion) return checkNotReachable(assertion.notReachable, ctx);
  if ("noIneffectiveDeny" in assertion) return checkNoIneffectiveDeny(assertion.noIneffectiveDeny.direction ?? "ingress", ctx);
  if ("denyEffectiveForLoadBalancerTraffic" in assertion) return checkDenyEffectiveForLoadBalancerTraffic(ctx);
  const truth = evaluateCondition(assertion.check, fieldSource(ctx.subject.fields, ctx.params));
  if (truth === "yes") return [];
  if (truth === "unknown") return [unknownFailure(ctx, "a checked field is unknown", "check")];
  return [{ ...unknownFailure(ctx, "", "check"), status: "fail", evidence: [] }];
}

// src/policy/exceptions.ts
function wildcardMatch(pattern, value) {
  let p = 0;
  let v = 0;
  let star = -1;
  let mark = 0;
  while (v < value.length) {
    if (p < pattern.length && (pattern[p] === "?" || pattern[p] === value[v])) {
      p++;
      v++;
    } else if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      mark = v;
    } else if (star >= 0) {
      p = star + 1;
      v = ++mark;
    } else return false;
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}
function matcher(pattern) {
  return (value) => wildcardMatch(pattern, value);
}
function applyExceptions(findings, config, today) {
  const active = [];
  const uses = [];
  const expiredFindings = [];
  for (const entry of config.exceptions) {
    const expired = entry.expires < today;
    if (expired) {
      uses.push({ policy: entry.policy, resource: entry.resource, reason: entry.reason, expires: entry.expires, expired: true, suppressed: 0 });
      expiredFindings.push({
        policy: "expired-exception",
        title: "An exception has expired",
        severity: "warning",
        status: "fail",
        resource: entry.resource,
        related: [entry.policy],
        message: `The exception for ${entry.policy} on ${entry.resource} expired on ${entry.expires} ("${entry.reason}"); its findings are reported again.`,
        location: config.file !== void 0 ? { file: config.file, line: entry.line ?? 1 } : null,
        evidence: [],
        remediation: "Fix the findings, or renew the exception with a new expiry date and a reason that still holds.",
        fingerprint: fingerprintOf("expired-exception", entry.resource, entry.policy)
      });
      continue;
    }
    active.push({ entry, match: matcher(entry.resource), count: 0 });
  }
  const kept = findings.filter((finding) => {
    const hit = active.find((a) => a.entry.policy === finding.policy && a.match(finding.resource));
    if (hit === void 0) return true;
    hit.count++;
    return false;
  });
  for (const a of active) uses.push({ policy: a.entry.policy, resource: a.entry.resource, reason: a.entry.reason, expires: a.entry.expires, expired: false, suppressed: a.count });
  return { findings: [...kept, ...expiredFindings], uses };
}

// src/check/toolVersion.ts
var TOOL_VERSION = "0.1.0";

// src/check/checkInventory.ts
var RANK = { error: 0, warning: 1, notice: 2 };
function checkInventory(inventory, config, options) {
  const evaluation = evaluatePolicies(inventory, config.policies);
  const { findings, uses } = applyExceptions(evaluation.findings, config, options.today);
  const sorted = [...findings].sort(compareFindings);
  const policies = config.policies.map(({ policy, severity, source }) => ({
    id: policy.id,
    title: policy.title,
    description: policy.description,
    severity,
    ...policy.remediation ? { remediation: policy.remediation } : {},
    ...policy.docs ? { docs: policy.docs } : {},
    source
  }));
  if (uses.some((u) => u.expired)) {
    policies.push({ id: "expired-exception", title: "An exception has expired", description: "An exception in the config passed its expiry date; the findings it covered are reported again.", severity: "warning", source: "builtin" });
  }
  const count = (severity) => sorted.filter((f) => f.status === "fail" && f.severity === severity).length;
  return {
    version: 1,
    tool: { name: "clb-guard", version: TOOL_VERSION },
    mode: inventory.mode,
    complete: inventory.complete,
    summary: { error: count("error"), warning: count("warning"), notice: count("notice"), unknown: sorted.filter((f) => f.status === "unknown").length },
    findings: sorted,
    policies,
    exceptions: uses,
    warnings: inventory.warnings.map((w) => w.address ? `${w.address}: ${w.message}` : w.message),
    target: options.target,
    counts: evaluation.counts
  };
}
function compareFindings(a, b) {
  return RANK[a.severity] - RANK[b.severity] || (a.status === b.status ? 0 : a.status === "fail" ? -1 : 1) || a.policy.localeCompare(b.policy) || a.resource.localeCompare(b.resource) || a.fingerprint.localeCompare(b.fingerprint);
}
function exitCodeFor(report, failOn) {
  if (failOn === "never") return 0;
  const threshold = RANK[failOn];
  return report.findings.some((f) => f.status === "fail" && RANK[f.severity] <= threshold) ? 1 : 0;
}

// src/check/index.ts
function todayUtc() {
  return (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
}
async function checkPlan(options) {
  const config = await loadConfig({ cwd: options.cwd, ...options.configFile ? { configFile: options.configFile } : {}, ...options.policyPaths ? { policyPaths: options.policyPaths } : {} });
  const inventory = await options.logger.group(
    "Reading the plan",
    () => readPlanInventory({ planFile: resolve3(options.cwd, options.planFile), tfRoot: resolve3(options.cwd, options.tfRoot ?? "."), repoRoot: options.cwd })
  );
  for (const warning of inventory.warnings) options.logger.warning(warning.address ? `${warning.address}: ${warning.message}` : warning.message);
  return checkInventory(inventory, config, { today: options.today ?? todayUtc(), target: { planFile: options.planFile } });
}

// src/check/liveCheck.ts
async function checkLive(_options) {
  throw new InputError("live mode is not available in this build yet");
}

// src/report/jsonReport.ts
function renderJson(report) {
  const ordered = {
    version: report.version,
    tool: { name: report.tool.name, version: report.tool.version },
    mode: report.mode,
    complete: report.complete,
    summary: { error: report.summary.error, warning: report.summary.warning, notice: report.summary.notice, unknown: report.summary.unknown },
    findings: report.findings.map(orderFinding),
    policies: report.policies.map((p) => ({ id: p.id, title: p.title, description: p.description, severity: p.severity, source: p.source, ...p.remediation ? { remediation: p.remediation } : {}, ...p.docs ? { docs: p.docs } : {} })),
    exceptions: report.exceptions,
    warnings: report.warnings,
    target: report.target,
    counts: report.counts
  };
  return `${JSON.stringify(ordered, null, 2)}
`;
}
function orderFinding(f) {
  return {
    policy: f.policy,
    title: f.title,
    severity: f.severity,
    status: f.status,
    resource: f.resource,
    related: f.related,
    message: f.message,
    location: f.location,
    evidence: f.evidence,
    ...f.remediation !== void 0 ? { remediation: f.remediation } : {},
    ...f.docs !== void 0 ? { docs: f.docs } : {},
    ...f.consoleUrl !== void 0 ? { consoleUrl: f.consoleUrl } : {},
    fingerprint: f.fingerprint
  };
}

// src/report/textReport.ts
var LABEL = { error: "ERROR", warning: "WARNING", notice: "NOTICE" };
var COLOR = { error: "31", warning: "33", notice: "36", unknown: "35" };
function renderText(report, options) {
  const paint = (code, text) => options.color ? `\x1B[${code}m${text}\x1B[0m` : text;
  const dim = (text) => paint("2", text);
  const lines = [];
  if (!report.complete) lines.push(paint("1;31", "INCOMPLETE: part of the account could not be read; findings there are unknown and the report is not a clean bill of health."), "");
  const target = report.target.planFile ?? (report.target.regions ? `regions ${report.target.regions.join(", ")}` : "");
  lines.push(`clb-guard ${report.mode} ${target}`.trimEnd());
  lines.push(dim(`${report.counts.loadBalancers} load balancers, ${report.counts.backends} backends, ${report.counts.securityGroups} security groups, ${report.policies.length} policies`), "");
  for (const finding of report.findings) lines.push(...renderFinding(finding, options, paint, dim), "");
  for (const use of report.exceptions) {
    lines.push(dim(`exception ${use.expired ? "EXPIRED" : "applied"}: ${use.policy} on ${use.resource} until ${use.expires} (${use.reason})${use.expired ? "" : `, suppressed ${use.suppressed}`}`));
  }
  for (const warning of report.warnings) lines.push(dim(`warning: ${warning}`));
  if (report.exceptions.length > 0 || report.warnings.length > 0) lines.push("");
  lines.push(summaryLine(report));
  return `${lines.join("\n")}
`;
}
function renderFinding(f, options, paint, dim) {
  const status = f.status === "unknown" ? paint(COLOR.unknown, "UNKNOWN") + " " : "";
  const where = f.location ? `${f.location.file}:${f.location.line}` : "";
  const out = [`${paint(`1;${COLOR[f.severity]}`, LABEL[f.severity])} ${status}${paint("1", f.policy)}  ${f.resource}${where ? `  ${dim(where)}` : ""}`, `  ${f.message}`];
  if (options.explain) {
    for (const e of f.evidence) out.push(`  ${dim("why")} ${explainEvidence(e)}`);
  }
  if (f.remediation) {
    const [first, ...rest] = f.remediation.split("\n");
    out.push(`  ${dim("fix")} ${first}`);
    for (const line of rest) out.push(`      ${line}`);
  }
  if (f.consoleUrl) out.push(`  ${dim("console")} ${f.consoleUrl}`);
  return out;
}
function explainEvidence(e) {
  const where = e.list === void 0 ? "" : ` [${e.list}${e.direction ? ` ${e.direction}` : ""}${e.index !== void 0 ? ` #${e.index}` : ""}]`;
  const location = e.location ? ` (${e.location.file}:${e.location.line})` : "";
  const part = e.part ? `${e.part}: ` : "";
  const reason = e.reason ? ` \u2014 ${e.reason}` : "";
  return `${e.verdict.toUpperCase()} ${part}${e.rule}${where}${location}${reason}`;
}
function summaryLine(report) {
  const { error, warning, notice, unknown: unknown2 } = report.summary;
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(error, "error")}, ${plural(warning, "warning")}, ${plural(notice, "notice")}, ${unknown2} unknown`;
}

// src/report/markdown.ts
var ICON = { error: "\u{1F534}", warning: "\u{1F7E0}", notice: "\u{1F535}" };
function renderMarkdown(report, options = {}) {
  const limit = options.maxChars ?? 1e6;
  const head = [`## ${options.heading ?? "clb-guard"}`, ""];
  if (!report.complete) head.push("> [!CAUTION]", "> The scan is **incomplete**: part of the account could not be read, so findings there are unknown.", "");
  if (report.findings.length === 0) head.push(`\u2705 **All clear**: no findings from ${report.policies.length} policies on ${report.counts.loadBalancers} load balancers and ${report.counts.backends} backends.`, "");
  else {
    head.push(`**${summaryLine(report)}** \u2014 ${report.policies.length} policies on ${report.counts.loadBalancers} load balancers, ${report.counts.backends} backends.`, "");
    head.push("| policy | severity | findings |", "|---|---|---:|");
    const byPolicy = /* @__PURE__ */ new Map();
    for (const f of report.findings) byPolicy.set(f.policy, [...byPolicy.get(f.policy) ?? [], f]);
    for (const [policy, list] of byPolicy) head.push(`| \`${policy}\` | ${ICON[list[0].severity]} ${list[0].severity} | ${list.length} |`);
    head.push("");
  }
  const tail = [];
  const expired = report.exceptions.filter((e) => e.expired);
  const applied = report.exceptions.filter((e) => !e.expired && e.suppressed > 0);
  if (applied.length > 0) tail.push("", `<sub>${applied.length} exception(s) applied: ${applied.map((e) => `\`${e.policy}\` on \`${e.resource}\` until ${e.expires}`).join("; ")}</sub>`);
  if (expired.length > 0) tail.push("", `\u26A0\uFE0F ${expired.length} exception(s) expired and no longer apply.`);
  let text = head.join("\n");
  const closing = tail.join("\n");
  let shown = 0;
  for (const finding of report.findings) {
    const block = renderFinding2(finding);
    const reserve = 300 + closing.length;
    if (text.length + block.length + reserve > limit) break;
    text += block;
    shown++;
  }
  const left = report.findings.length - shown;
  if (left > 0) text += `

\u2026 and **${left} more** ${left === 1 ? "finding" : "findings"} in ${options.overflowHint ?? "the full report"}.`;
  text += closing;
  return `${text.slice(0, limit - 1)}
`;
}
function renderFinding2(f) {
  const where = f.location ? ` \u2014 \`${escape2(f.location.file)}:${f.location.line}\`` : "";
  const status = f.status === "unknown" ? " _(unknown)_" : "";
  const lines = [`

### ${ICON[f.severity]} \`${f.policy}\`${status} on \`${escape2(f.resource)}\`${where}`, "", escape2(f.message)];
  if (f.evidence.length > 0) {
    lines.push("", "<details><summary>Why</summary>", "");
    for (const e of f.evidence.slice(0, 8)) lines.push(`- **${e.verdict}** ${e.part ? `${escape2(e.part)}: ` : ""}\`${escape2(e.rule)}\`${e.list ? ` in \`${escape2(e.list)}\`` : ""}${e.location ? ` (\`${escape2(e.location.file)}:${e.location.line}\`)` : ""}`);
    lines.push("", "</details>");
  }
  if (f.remediation) lines.push("", "<details><summary>Fix</summary>", "", "```text", f.remediation.replace(/```/g, "'''"), "```", "", "</details>");
  return lines.join("\n");
}
function escape2(text) {
  return text.replace(/[<>]/g, (c) => c === "<" ? "&lt;" : "&gt;").replace(/`/g, "'").replace(/\|/g, "\\|");
}

// src/report/sarifReport.ts
var SARIF_RESULT_LIMIT = 25e3;
var LEVEL = { error: "error", warning: "warning", notice: "note" };
var SECURITY_SEVERITY = { error: "8.0", warning: "5.0", notice: "2.0" };
function renderSarif(report, options = {}) {
  const exists2 = options.fileExists ?? (() => true);
  const rules = report.policies.map((p) => ({
    id: p.id,
    name: p.id.replace(/(^|-)([a-z])/g, (_m, _d, c) => c.toUpperCase()),
    shortDescription: { text: p.title },
    fullDescription: { text: p.description },
    help: { text: `${p.description}${p.remediation ? `

Fix: ${p.remediation}` : ""}`, markdown: `${p.description}${p.remediation ? `

**Fix:** ${p.remediation}` : ""}${p.docs ? `

[Documentation](${p.docs})` : ""}` },
    ...p.docs ? { helpUri: p.docs } : {},
    defaultConfiguration: { level: LEVEL[p.severity] },
    properties: { tags: ["security", "tencentcloud", "clb"], "security-severity": SECURITY_SEVERITY[p.severity], precision: "high" }
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const located = report.findings.filter((f) => f.location !== null && exists2(f.location.file) && ruleIndex.has(f.policy));
  const kept = located.slice(0, SARIF_RESULT_LIMIT);
  const results = kept.map((f) => result(f, ruleIndex.get(f.policy), exists2));
  return {
    omitted: report.findings.length - kept.length,
    sarif: {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: "clb-guard", version: report.tool.version, semanticVersion: report.tool.version, informationUri: "https://github.com/clb-guard/clb-guard", rules } },
          originalUriBaseIds: { "%SRCROOT%": { uri: `file://${(options.repoRoot ?? "").replace(/\/?$/, "/")}` } },
          invocations: [{ executionSuccessful: report.complete }],
          results
        }
      ]
    }
  };
}
function result(f, ruleIndex, exists2) {
  const location = f.location;
  const related = f.evidence.filter((e) => e.location && exists2(e.location.file)).slice(0, 10).map((e, i) => ({ id: i + 1, message: { text: `${e.verdict}: ${e.rule}` }, physicalLocation: physical(e.location) }));
  return {
    ruleId: f.policy,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.status === "unknown" ? `[unknown] ${f.message}` : f.message },
    locations: [{ physicalLocation: physical(location), logicalLocations: [{ fullyQualifiedName: f.resource, kind: "resource" }] }],
    ...related.length > 0 ? { relatedLocations: related } : {},
    partialFingerprints: { "clbGuard/v1": f.fingerprint },
    properties: { status: f.status, resource: f.resource, related: f.related, ...f.remediation ? { remediation: f.remediation } : {} }
  };
}
function physical(location) {
  return {
    artifactLocation: { uri: location.file.split("\\").join("/"), uriBaseId: "%SRCROOT%" },
    region: { startLine: location.line, ...location.endLine !== void 0 && location.endLine >= location.line ? { endLine: location.endLine } : {} }
  };
}

// src/report/renderReport.ts
function renderReport(report, format2, options) {
  switch (format2) {
    case "text":
      return renderText(report, { color: options.color, explain: options.explain });
    case "json":
      return renderJson(report);
    case "sarif":
      return `${JSON.stringify(renderSarif(report, { repoRoot: options.repoRoot, fileExists: options.fileExists }).sarif, null, 2)}
`;
    case "markdown":
      return renderMarkdown(report);
  }
}

// src/cli/cliArguments.ts
import { parseArgs } from "node:util";
var USAGE = `Usage:
  clb-guard plan PLAN.json [--tf-root DIR] [options]   check a \`terraform show -json\` plan
  clb-guard live --region REGION [--region \u2026] [options] check the live Tencent Cloud account
  clb-guard policies validate [FILE|DIR \u2026]             validate policy files (and the built-in pack)

Options:
  --config FILE          config file (default: .clb-guard.json when present)
  --policies PATH        extra policy file or directory (repeatable)
  --format FORMAT        text (default), json, sarif or markdown
  --output FILE          write the report to FILE instead of stdout
  --fail-on LEVEL        error (default), warning, notice or never
  --explain              show the rules that decided each finding (text format)
  --api-endpoint URL     live mode: send every API call to URL (emulators, proxies)
  --allow-partial        live mode: exit by findings even if some calls failed
  --verbose              more logging on stderr
  -h, --help             this help
  --version              print the version

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, input or configuration error.`;
var FORMATS = ["text", "json", "sarif", "markdown"];
var FAIL_ON = ["error", "warning", "notice", "never"];
function parseCommand(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: "string" },
        policies: { type: "string", multiple: true },
        "tf-root": { type: "string" },
        format: { type: "string" },
        output: { type: "string" },
        "fail-on": { type: "string" },
        explain: { type: "boolean" },
        region: { type: "string", multiple: true },
        "api-endpoint": { type: "string" },
        "allow-partial": { type: "boolean" },
        verbose: { type: "boolean" },
        today: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" }
      }
    });
  } catch (error) {
    throw new InputError(`${error.message.split("\n")[0]} (see clb-guard --help)`);
  }
  const { values, positionals } = parsed;
  if (values.version) return { kind: "version" };
  if (values.help || positionals.length === 0) return { kind: "help" };
  const [command, ...rest] = positionals;
  const format2 = values.format ?? "text";
  if (!FORMATS.includes(format2)) throw new InputError(`--format must be one of ${FORMATS.join(", ")}, not "${format2}"`);
  const failOn = values["fail-on"] ?? "error";
  if (!FAIL_ON.includes(failOn)) throw new InputError(`--fail-on must be one of ${FAIL_ON.join(", ")}, not "${failOn}"`);
  if (values.today !== void 0 && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new InputError(`--today must be YYYY-MM-DD, not "${values.today}"`);
  const common = {
    ...values.config !== void 0 ? { config: values.config } : {},
    policies: values.policies ?? [],
    format: format2,
    ...values.output !== void 0 ? { output: values.output } : {},
    failOn,
    explain: values.explain === true,
    verbose: values.verbose === true,
    ...values.today !== void 0 ? { today: values.today } : {}
  };
  switch (command) {
    case "plan":
      if (rest.length !== 1) throw new InputError("plan takes exactly one plan file: clb-guard plan PLAN.json");
      return { kind: "plan", planFile: rest[0], ...values["tf-root"] !== void 0 ? { tfRoot: values["tf-root"] } : {}, common };
    case "live":
      if (rest.length > 0) throw new InputError(`live takes no positional arguments (got "${rest[0]}"); use --region`);
      if (values.region === void 0 || values.region.length === 0) throw new InputError("live needs at least one --region, e.g. --region ap-guangzhou");
      return {
        kind: "live",
        regions: values.region.flatMap((r) => r.split(",")).map((r) => r.trim()).filter((r) => r !== ""),
        ...values["api-endpoint"] !== void 0 ? { apiEndpoint: values["api-endpoint"] } : {},
        allowPartial: values["allow-partial"] === true,
        common
      };
    case "policies":
      if (rest[0] !== "validate") throw new InputError("unknown policies command; did you mean: clb-guard policies validate FILES");
      return { kind: "validate", files: rest.slice(1) };
    default:
      throw new InputError(`unknown command "${command}" (see clb-guard --help)`);
  }
}

// src/cli/consoleLogger.ts
function consoleLogger(options) {
  const stream = options.stream ?? process.stderr;
  const tty = stream.isTTY === true;
  let progressShown = false;
  const clearProgress = () => {
    if (progressShown) {
      stream.write("\r\x1B[2K");
      progressShown = false;
    }
  };
  const line = (text) => {
    clearProgress();
    stream.write(`${text}
`);
  };
  return {
    debug: (m) => options.verbose ? line(`debug: ${m}`) : void 0,
    info: (m) => line(m),
    warning: (m) => line(`warning: ${m}`),
    error: (m) => line(`error: ${m}`),
    async group(name, fn) {
      if (options.verbose) line(`== ${name}`);
      return fn();
    },
    progress(m) {
      if (!tty) return;
      stream.write(`\r\x1B[2K${m}`);
      progressShown = true;
    }
  };
}

// src/cli/runCli.ts
async function runCli(argv, io) {
  try {
    const command = parseCommand(argv);
    switch (command.kind) {
      case "help":
        io.stdout.write(`${USAGE}
`);
        return 0;
      case "version":
        io.stdout.write(`clb-guard ${TOOL_VERSION}
`);
        return 0;
      case "validate": {
        const { problems, policies } = await validatePolicyFiles(command.files, io.cwd);
        if (problems.length > 0) {
          for (const problem of problems) io.stderr.write(`${formatProblem(problem)}
`);
          return 2;
        }
        io.stdout.write(`${policies} ${policies === 1 ? "policy" : "policies"} in ${command.files.length} ${command.files.length === 1 ? "file" : "files"} and the built-in pack are valid.
`);
        return 0;
      }
      case "plan": {
        const logger = consoleLogger({ verbose: command.common.verbose, stream: io.stderr });
        const report = await checkPlan({
          cwd: io.cwd,
          logger,
          planFile: command.planFile,
          ...command.tfRoot !== void 0 ? { tfRoot: command.tfRoot } : {},
          ...command.common.config !== void 0 ? { configFile: command.common.config } : {},
          policyPaths: command.common.policies,
          ...command.common.today !== void 0 ? { today: command.common.today } : {}
        });
        await emit(report, command.common, io);
        return exitCodeFor(report, command.common.failOn);
      }
      case "live": {
        const logger = consoleLogger({ verbose: command.common.verbose, stream: io.stderr });
        const apiEndpoint = command.apiEndpoint ?? io.env.CLB_GUARD_API_ENDPOINT;
        const report = await checkLive({
          cwd: io.cwd,
          logger,
          regions: command.regions,
          env: io.env,
          ...apiEndpoint ? { apiEndpoint } : {},
          ...command.common.config !== void 0 ? { configFile: command.common.config } : {},
          policyPaths: command.common.policies,
          ...command.common.today !== void 0 ? { today: command.common.today } : {}
        });
        await emit(report, command.common, io);
        if (!report.complete && !command.allowPartial) {
          io.stderr.write("clb-guard: the scan is incomplete (some API calls kept failing); findings for those resources are unknown. Re-run, or pass --allow-partial to exit by the findings alone.\n");
          return 2;
        }
        return exitCodeFor(report, command.common.failOn);
      }
    }
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`clb-guard: ${errorMessage(error)}
`);
      return 2;
    }
    io.stderr.write(`clb-guard: internal error: ${errorMessage(error)} (set CLB_GUARD_DEBUG=1 for the stack trace, and please report it)
`);
    if (io.env.CLB_GUARD_DEBUG) io.stderr.write(`${error?.stack ?? ""}
`);
    return 2;
  }
}
async function emit(report, common, io) {
  const color = common.output === void 0 && io.stdout.isTTY === true && io.env.NO_COLOR === void 0 ? true : io.env.FORCE_COLOR !== void 0 && io.env.FORCE_COLOR !== "0";
  const text = renderReport(report, common.format, {
    color: common.format === "text" && color,
    explain: common.explain,
    repoRoot: io.cwd,
    fileExists: (path) => existsSync(resolve4(io.cwd, path))
  });
  if (common.output !== void 0) await writeFile(resolve4(io.cwd, common.output), text);
  else io.stdout.write(text);
}

// src/cli.ts
process.exitCode = await runCli(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
