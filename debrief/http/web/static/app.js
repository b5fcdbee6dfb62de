var ae,x,Ve,Wt,B,He,Qe,We,ye,te,J,ze,we,he,ve,zt,ie={},se=[],Gt=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,le=Array.isArray;function H(e,t){for(var n in t)e[n]=t[n];return e}function be(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function jt(e,t,n){var i,o,s,c={};for(s in t)s=="key"?i=t[s]:s=="ref"?o=t[s]:c[s]=t[s];if(arguments.length>2&&(c.children=arguments.length>3?ae.call(arguments,2):n),typeof e=="function"&&e.defaultProps!=null)for(s in e.defaultProps)c[s]===void 0&&(c[s]=e.defaultProps[s]);return ne(e,c,i,o,null)}function ne(e,t,n,i,o){var s={type:e,props:t,key:n,ref:i,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:o??++Ve,__i:-1,__u:0};return o==null&&x.vnode!=null&&x.vnode(s),s}function S(e){return e.children}function re(e,t){this.props=e,this.context=t}function W(e,t){if(t==null)return e.__?W(e.__,e.__i+1):null;for(var n;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null)return n.__e;return typeof e.type=="function"?W(e):null}function Yt(e){if(e.__P&&e.__d){var t=e.__v,n=t.__e,i=[],o=[],s=H({},t);s.__v=t.__v+1,x.vnode&&x.vnode(s),Se(e.__P,s,t,e.__n,e.__P.namespaceURI,32&t.__u?[n]:null,i,n??W(t),!!(32&t.__u),o),s.__v=t.__v,s.__.__k[s.__i]=s,Xe(i,s,o),t.__e=t.__=null,s.__e!=n&&Ge(s)}}function Ge(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),Ge(e)}function Oe(e){(!e.__d&&(e.__d=!0)&&B.push(e)&&!oe.__r++||He!=x.debounceRendering)&&((He=x.debounceRendering)||Qe)(oe)}function oe(){try{for(var e,t=1;B.length;)B.length>t&&B.sort(We),e=B.shift(),t=B.length,Yt(e)}finally{B.length=oe.__r=0}}function je(e,t,n,i,o,s,c,u,d,l,m){var f,a,p,h,w,y,g=i&&i.__k||se,v=t.length;for(d=Jt(n,t,g,d,v),f=0;f<v;f++)(p=n.__k[f])!=null&&(a=p.__i!=-1&&g[p.__i]||ie,p.__i=f,y=Se(e,p,a,o,s,c,u,d,l,m),h=p.__e,p.ref&&a.ref!=p.ref&&(a.ref&&xe(a.ref,null,p),m.push(p.ref,p.__c||h,p)),w==null&&h!=null&&(w=h),4&p.__u?(d=Ye(p,d,e),a.__e&&(a.__e=null)):typeof p.type=="function"&&y!==void 0?d=y:h&&(d=h.nextSibling),p.__u&=-7);return n.__e=w,d}function Jt(e,t,n,i,o){var s,c,u,d,l,m=n.length,f=m,a=0;for(e.__k=new Array(o),s=0;s<o;s++)(c=t[s])!=null&&typeof c!="boolean"&&typeof c!="function"?(typeof c=="string"||typeof c=="number"||typeof c=="bigint"||c.constructor==String?c=e.__k[s]=ne(null,c,null,null,null):le(c)?c=e.__k[s]=ne(S,{children:c},null,null,null):c.constructor===void 0&&c.__b>0?c=e.__k[s]=ne(c.type,c.props,c.key,c.ref?c.ref:null,c.__v):e.__k[s]=c,d=s+a,c.__=e,c.__b=e.__b+1,u=null,(l=c.__i=Xt(c,n,d,f))!=-1&&(f--,(u=n[l])&&(u.__u|=2)),u==null||u.__v==null?(l==-1&&(o>m?a--:o<m&&a++),typeof c.type!="function"&&(c.__u|=4)):l!=d&&(l==d-1?a--:l==d+1?a++:(l>d?a--:a++,c.__u|=4))):e.__k[s]=null;if(f)for(s=0;s<m;s++)(u=n[s])!=null&&(2&u.__u)==0&&(u.__e==i&&(i=W(u)),et(u,u));return i}function Ye(e,t,n){var i,o;if(typeof e.type=="function"){for(i=e.__k,o=0;i&&o<i.length;o++)i[o]&&(i[o].__=e,t=Ye(i[o],t,n));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=W(e)),t=n.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function Xt(e,t,n,i){var o,s,c,u=e.key,d=e.type,l=t[n],m=l!=null&&(2&l.__u)==0;if(l===null&&u==null||m&&u==l.key&&d==l.type)return n;if(i>(m?1:0)){for(o=n-1,s=n+1;o>=0||s<t.length;)if((l=t[c=o>=0?o--:s++])!=null&&(2&l.__u)==0&&u==l.key&&d==l.type)return c}return-1}function Ke(e,t,n){t[0]=="-"?e.setProperty(t,n??""):e[t]=n==null?"":typeof n!="number"||Gt.test(t)?n:n+"px"}function ee(e,t,n,i,o){var s,c;e:if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof i=="string"&&(e.style.cssText=i=""),i)for(t in i)n&&t in n||Ke(e.style,t,"");if(n)for(t in n)i&&n[t]==i[t]||Ke(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")s=t!=(t=t.replace(ze,"$1")),c=t.toLowerCase(),t=c in e||t=="onFocusOut"||t=="onFocusIn"?c.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+s]=n,n?i?n[J]=i[J]:(n[J]=we,e.addEventListener(t,s?ve:he,s)):e.removeEventListener(t,s?ve:he,s);else{if(o=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=n??"";break e}catch{}typeof n=="function"||(n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n))}}function Be(e){return function(t){if(this.l){var n=this.l[t.type+e];if(t[te]==null)t[te]=we++;else if(t[te]<n[J])return;return n(x.event?x.event(t):t)}}}function Se(e,t,n,i,o,s,c,u,d,l){var m,f,a,p,h,w,y,g,v,k,T,E,b,N,Q,Y,M=t.type;if(t.constructor!==void 0)return null;128&n.__u&&(d=!!(32&n.__u),s=[u=t.__e=n.__e]),(m=x.__b)&&m(t);e:if(typeof M=="function"){f=c.length;try{if(v=t.props,k=M.prototype&&M.prototype.render,T=(m=M.contextType)&&i[m.__c],E=m?T?T.props.value:m.__:i,n.__c?g=(a=t.__c=n.__c).__=a.__E:(k?t.__c=a=new M(v,E):(t.__c=a=new re(v,E),a.constructor=M,a.render=en),T&&T.sub(a),a.state||(a.state={}),a.__n=i,p=a.__d=!0,a.__h=[],a._sb=[]),k&&a.__s==null&&(a.__s=a.state),k&&M.getDerivedStateFromProps!=null&&(a.__s==a.state&&(a.__s=H({},a.__s)),H(a.__s,M.getDerivedStateFromProps(v,a.__s))),h=a.props,w=a.state,a.__v=t,p)k&&M.getDerivedStateFromProps==null&&a.componentWillMount!=null&&a.componentWillMount(),k&&a.componentDidMount!=null&&a.__h.push(a.componentDidMount);else{if(k&&M.getDerivedStateFromProps==null&&v!==h&&a.componentWillReceiveProps!=null&&a.componentWillReceiveProps(v,E),t.__v==n.__v||!a.__e&&a.shouldComponentUpdate!=null&&a.shouldComponentUpdate(v,a.__s,E)===!1){t.__v!=n.__v&&(a.props=v,a.state=a.__s,a.__d=!1),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(C){C&&(C.__=t)}),se.push.apply(a.__h,a._sb),a._sb=[],a.__h.length&&c.push(a),u=W(n);break e}a.componentWillUpdate!=null&&a.componentWillUpdate(v,a.__s,E),k&&a.componentDidUpdate!=null&&a.__h.push(function(){a.componentDidUpdate(h,w,y)})}if(a.context=E,a.props=v,a.__P=e,a.__e=!1,b=x.__r,N=0,k)a.state=a.__s,a.__d=!1,b&&b(t),m=a.render(a.props,a.state,a.context),se.push.apply(a.__h,a._sb),a._sb=[];else do a.__d=!1,b&&b(t),m=a.render(a.props,a.state,a.context),a.state=a.__s;while(a.__d&&++N<25);a.state=a.__s,a.getChildContext!=null&&(i=H(H({},i),a.getChildContext())),k&&!p&&a.getSnapshotBeforeUpdate!=null&&(y=a.getSnapshotBeforeUpdate(h,w)),Q=m!=null&&m.type===S&&m.key==null?Ze(m.props.children):m,u=je(e,le(Q)?Q:[Q],t,n,i,o,s,c,u,d,l),a.base=t.__e,t.__u&=-161,a.__h.length&&c.push(a),g&&(a.__E=a.__=null)}catch(C){if(c.length=f,t.__v=null,d||s!=null){if(C.then){for(t.__u|=d?160:128;u&&u.nodeType==8&&u.nextSibling;)u=u.nextSibling;s!=null&&(s[s.indexOf(u)]=null),t.__e=u}else if(s!=null)for(Y=s.length;Y--;)be(s[Y])}else t.__e=n.__e;t.__k==null&&(t.__k=n.__k||[]),C.then||Je(t),x.__e(C,t,n)}}else s==null&&t.__v==n.__v?(t.__k=n.__k,t.__e=n.__e):u=t.__e=Zt(n.__e,t,n,i,o,s,c,d,l);return(m=x.diffed)&&m(t),128&t.__u?void 0:u}function Je(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(Je))}function Xe(e,t,n){for(var i=0;i<n.length;i++)xe(n[i],n[++i],n[++i]);x.__c&&x.__c(t,e),e.some(function(o){try{e=o.__h,o.__h=[],e.some(function(s){s.call(o)})}catch(s){x.__e(s,o.__v)}})}function Ze(e){return typeof e!="object"||e==null||e.__b>0?e:le(e)?e.map(Ze):e.constructor!==void 0?null:H({},e)}function Zt(e,t,n,i,o,s,c,u,d){var l,m,f,a,p,h,w,y=n.props||ie,g=t.props,v=t.type;if(v=="svg"?o="http://www.w3.org/2000/svg":v=="math"?o="http://www.w3.org/1998/Math/MathML":o||(o="http://www.w3.org/1999/xhtml"),s!=null){for(l=0;l<s.length;l++)if((p=s[l])&&"setAttribute"in p==!!v&&(v?p.localName==v:p.nodeType==3)){e=p,s[l]=null;break}}if(e==null){if(v==null)return document.createTextNode(g);e=document.createElementNS(o,v,g.is&&g),u&&(x.__m&&x.__m(t,s),u=!1),s=null}if(v==null)y===g||u&&e.data==g||(e.data=g);else{if(s=v=="textarea"&&g.defaultValue!=null?null:s&&ae.call(e.childNodes),!u&&s!=null)for(y={},l=0;l<e.attributes.length;l++)y[(p=e.attributes[l]).name]=p.value;for(l in y)p=y[l],l=="dangerouslySetInnerHTML"?f=p:l=="children"||l in g||l=="value"&&"defaultValue"in g||l=="checked"&&"defaultChecked"in g||ee(e,l,null,p,o);for(l in g)p=g[l],l=="children"?a=p:l=="dangerouslySetInnerHTML"?m=p:l=="value"?h=p:l=="checked"?w=p:u&&typeof p!="function"||y[l]===p||ee(e,l,p,y[l],o);if(m)u||f&&(m.__html==f.__html||m.__html==e.innerHTML)||(e.innerHTML=m.__html),t.__k=[];else if(f&&(e.innerHTML=""),je(t.type=="template"?e.content:e,le(a)?a:[a],t,n,i,v=="foreignObject"?"http://www.w3.org/1999/xhtml":o,s,c,s?s[0]:n.__k&&W(n,0),u,d),s!=null)for(l=s.length;l--;)be(s[l]);u&&v!="textarea"||(l="value",v=="progress"&&h==null?e.removeAttribute("value"):h!=null&&(h!==e[l]||v=="progress"&&!h||v=="option"&&h!=y[l])&&ee(e,l,h,y[l],o),l="checked",w!=null&&w!=e[l]&&ee(e,l,w,y[l],o))}return e}function xe(e,t,n){try{if(typeof e=="function"){var i=typeof e.__u=="function";i&&e.__u(),i&&t==null||(e.__u=e(t))}else e.current=t}catch(o){x.__e(o,n)}}function et(e,t,n){var i,o;if(x.unmount&&x.unmount(e),(i=e.ref)&&(i.current&&i.current!=e.__e||xe(i,null,t)),(i=e.__c)!=null){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(s){x.__e(s,t)}i.base=i.__P=i.__n=null}if(i=e.__k)for(o=0;o<i.length;o++)i[o]&&et(i[o],t,n||typeof e.type!="function");n||be(e.__e),e.__c=e.__=e.__e=void 0}function en(e,t,n){return this.constructor(e,n)}function tt(e,t,n){var i,o,s,c;t==document&&(t=document.documentElement),x.__&&x.__(e,t),o=(i=typeof n=="function")?null:n&&n.__k||t.__k,s=[],c=[],Se(t,e=(!i&&n||t).__k=jt(S,null,[e]),o||ie,ie,t.namespaceURI,!i&&n?[n]:o?null:t.firstChild?ae.call(t.childNodes):null,s,!i&&n?n:o?o.__e:t.firstChild,i,c),Xe(s,e,c),e.props.children=null}ae=se.slice,x={__e:function(e,t,n,i){for(var o,s,c;t=t.__;)if((o=t.__c)&&!o.__)try{if((s=o.constructor)&&s.getDerivedStateFromError!=null&&(o.setState(s.getDerivedStateFromError(e)),c=o.__d),o.componentDidCatch!=null&&(o.componentDidCatch(e,i||{}),c=o.__d),c)return o.__E=o}catch(u){e=u}throw e}},Ve=0,Wt=function(e){return e!=null&&e.constructor===void 0},re.prototype.setState=function(e,t){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=H({},this.state),typeof e=="function"&&(e=e(H({},n),this.props)),e&&H(n,e),e!=null&&this.__v&&(t&&this._sb.push(t),Oe(this))},re.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),Oe(this))},re.prototype.render=S,B=[],Qe=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,We=function(e,t){return e.__v.__b-t.__v.__b},oe.__r=0,ye=Math.random().toString(8),te="__d"+ye,J="__a"+ye,ze=/(PointerCapture)$|Capture$/i,we=0,he=Be(!1),ve=Be(!0),zt=0;var X,R,ke,nt,ce=0,ct=[],A=x,rt=A.__b,it=A.__r,st=A.diffed,ot=A.__c,at=A.unmount,lt=A.__;function Ae(e,t){A.__h&&A.__h(R,e,ce||t),ce=0;var n=R.__H||(R.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function _(e){return ce=1,tn(pt,e)}function tn(e,t,n){var i=Ae(X++,2);if(i.t=e,!i.__c&&(i.__=[n?n(t):pt(void 0,t),function(u){var d=i.__N?i.__N[0]:i.__[0],l=i.t(d,u);d!==l&&(i.__N=[l,i.__[1]],i.__c.setState({}))}],i.__c=R,!R.__f)){var o=function(u,d,l){if(!i.__c.__H)return!0;var m=!1,f=i.__c.props!==u;if(i.__c.__H.__.some(function(p){if(p.__N){m=!0;var h=p.__[0];p.__=p.__N,p.__N=void 0,h!==p.__[0]&&(f=!0)}}),s){var a=s.call(this,u,d,l);return m?a||f:a}return!m||f};R.__f=!0;var s=R.shouldComponentUpdate,c=R.componentWillUpdate;R.componentWillUpdate=function(u,d,l){if(this.__e){var m=s;s=void 0,o(u,d,l),s=m}c&&c.call(this,u,d,l)},R.shouldComponentUpdate=o}return i.__N||i.__}function D(e,t){var n=Ae(X++,3);!A.__s&&dt(n.__H,t)&&(n.__=e,n.u=t,R.__H.__h.push(n))}function U(e){return ce=5,nn(function(){return{current:e}},[])}function nn(e,t){var n=Ae(X++,7);return dt(n.__H,t)&&(n.__=e(),n.__H=t,n.__h=e),n.__}function rn(){for(var e;e=ct.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(ue),t.__h.some(Re),t.__h=[]}catch(n){t.__h=[],A.__e(n,e.__v)}}}A.__b=function(e){R=null,rt&&rt(e)},A.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),lt&&lt(e,t)},A.__r=function(e){it&&it(e),X=0;var t=(R=e.__c).__H;t&&(ke===R?(t.__h=[],R.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(t.__h.some(ue),t.__h.some(Re),t.__h=[],X=0)),ke=R},A.diffed=function(e){st&&st(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(ct.push(t)!==1&&nt===A.requestAnimationFrame||((nt=A.requestAnimationFrame)||sn)(rn)),t.__H.__.some(function(n){n.u&&(n.__H=n.u,n.u=void 0)})),ke=R=null},A.__c=function(e,t){t.some(function(n){try{n.__h.some(ue),n.__h=n.__h.filter(function(i){return!i.__||Re(i)})}catch(i){t.some(function(o){o.__h&&(o.__h=[])}),t=[],A.__e(i,n.__v)}}),ot&&ot(e,t)},A.unmount=function(e){at&&at(e);var t,n=e.__c;n&&n.__H&&(n.__H.__.some(function(i){try{ue(i)}catch(o){t=o}}),n.__H=void 0,t&&A.__e(t,n.__v))};var ut=typeof requestAnimationFrame=="function";function sn(e){var t,n=function(){clearTimeout(i),ut&&cancelAnimationFrame(t),setTimeout(e)},i=setTimeout(n,35);ut&&(t=requestAnimationFrame(n))}function ue(e){var t=R,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),R=t}function Re(e){var t=R;e.__c=e.__(),R=t}function dt(e,t){return!e||e.length!==t.length||t.some(function(n,i){return n!==e[i]})}function pt(e,t){return typeof t=="function"?t(e):t}var on=0;function r(e,t,n,i,o,s){t||(t={});var c,u,d=t;if("ref"in d)for(u in d={},t)u=="ref"?c=t[u]:d[u]=t[u];var l={type:e,props:d,key:n,ref:c,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--on,__i:-1,__u:0,__source:o,__self:s};if(typeof e=="function"&&(c=e.defaultProps))for(u in c)d[u]===void 0&&(d[u]=c[u]);return x.vnode&&x.vnode(l),l}function mt(){let[e,t]=_("");return r(S,{children:[r("h1",{children:"debrief"}),r("p",{class:"lead",children:"Asynchronous interviews: candidates answer questions by voice, in their own time; debrief stores each answer compactly, transcribes and analyses it, and shows interviewers the results."}),r("section",{"aria-labelledby":"take",children:[r("h2",{id:"take",children:"Take an interview"}),r("p",{children:"If you were sent a link, open it. For a public interview, enter its key."}),r("form",{class:"inline",onSubmit:n=>{n.preventDefault(),e.trim()&&location.assign(`/interview/${encodeURIComponent(e.trim())}`)},children:[r("label",{for:"interview-key",children:"Interview key"}),r("input",{id:"interview-key",value:e,onInput:n=>t(n.currentTarget.value),required:!0}),r("button",{type:"submit",children:"Open"})]})]}),r("section",{"aria-labelledby":"review",children:[r("h2",{id:"review",children:"Review answers"}),r("p",{children:["Interviewers: ",r("a",{href:"/review",children:"review sessions"})," with your API key."]})]}),r("section",{"aria-labelledby":"develop",children:[r("h2",{id:"develop",children:"Build on it"}),r("p",{children:["Everything here uses the public GraphQL API: explore it in the"," ",r("a",{href:"/graphql",children:"GraphQL explorer"})," (works offline). Health: ",r("a",{href:"/healthz",children:"/healthz"}),"."]})]})]})}var F=class extends Error{},Z=class extends F{};function an(e){let t={"Content-Type":"application/json"};return e&&(t.Authorization=`Bearer ${e}`),t}function ft(e){let t=e.errors?.map(n=>n.message).join("; ");if(e.errors?.some(n=>n.extensions?.code==="UNAUTHENTICATED"))throw new Z(t);if(t)throw new F(t);if(!e.data)throw new F("The server sent no data.");return e.data}async function I(e,t,n){let i=await fetch("/graphql",{method:"POST",headers:an(n),body:JSON.stringify({query:e.toString(),variables:t})});if(!i.ok&&i.status!==400&&i.status!==401)throw new F(`The server answered HTTP ${i.status}.`);return ft(await i.json())}var G=class extends Error{};function _t(e,t,n,i,o,s){let c=new FormData;return c.append("operations",JSON.stringify({query:e.toString(),variables:t})),c.append("map",JSON.stringify({0:["variables.file"]})),c.append("0",n,i),new Promise((u,d)=>{let l=new XMLHttpRequest;l.open("POST","/graphql"),l.setRequestHeader("Authorization",`Bearer ${o}`),l.upload.onprogress=m=>{m.lengthComputable&&s(m.loaded/m.total)},l.onerror=()=>d(new G("The upload was interrupted.")),l.ontimeout=()=>d(new G("The upload timed out.")),l.onload=()=>{if(l.status===429||l.status>=500){d(new G(`The server answered HTTP ${l.status}.`));return}try{u(ft(JSON.parse(l.responseText)))}catch(m){d(m instanceof F?m:new F(`HTTP ${l.status}`))}},l.send(c)})}async function gt(e,{tries:t=4,firstDelayMs:n=1e3}={}){for(let i=1;;i++)try{return await e(i)}catch(o){if(!(o instanceof G)||i>=t)throw o;await new Promise(s=>setTimeout(s,n*2**(i-1)))}}function de(e,t){if(!t.includes(e))throw new Error(`Unsupported algorithm: ${String(e)}. Expected one of: ${t.join(", ")}.`)}function yt(e,t){if(t.length>e.length)return!1;for(let n=0;n<t.length;n++)if(e[n]!==t[n])return!1;return!0}function pe(e){return Array.from(new Uint8Array(e)).map(t=>t.toString(16).padStart(2,"0")).join("")}function ht(e,t){let n=new Uint8Array(e.length+t.length);return n.set(e,0),n.set(t,e.length),n}function me(e){if(e.length%2!==0)throw new Error(`Hex string must have an even length. Got: ${e}`);if(!/^[0-9a-fA-F]*$/.test(e))throw new Error("Hex string contains non-hex characters.");let t=new Uint8Array(e.length/2);for(let n=0;n<t.length;n++)t[n]=parseInt(e.substring(n*2,n*2+2),16);return t}async function Te(e){await new Promise(t=>setTimeout(t,e))}function Ee(e){return Math.floor((performance.now()-e)*10)/10}var z;(function(e){e.SHA_256="SHA-256",e.SHA_384="SHA-384",e.SHA_512="SHA-512"})(z||(z={}));var vt;(function(e){e.CODE="code",e.ERROR="error",e.VERIFIED="verified",e.VERIFYING="verifying",e.UNVERIFIED="unverified",e.EXPIRED="expired"})(vt||(vt={}));var Wn=Object.values(z),wt={string:Number.MAX_SAFE_INTEGER,uint32:4294967295};function dn(e,t){return Number.isInteger(e)&&e>=0&&e<=wt[t]}var Ie=class{nonce;mode;COUNTER_BYTES=4;buffer;dataView;encoder=new TextEncoder;constructor(t,n="uint32"){this.nonce=t,this.mode=n,this.buffer=new Uint8Array(this.nonce.length+this.COUNTER_BYTES),this.buffer.set(this.nonce,0),this.dataView=new DataView(this.buffer.buffer)}setCounter(t){if(!dn(t,this.mode))throw new RangeError(`counter must be an integer from 0 to ${wt[this.mode]}. Got: ${t}`);return this.mode==="string"?ht(this.nonce,this.encoder.encode(t.toString())):(this.dataView.setUint32(this.nonce.length,t,!1),this.buffer)}};function pn(e,t){if(typeof e!="string"||!/^[0-9a-fA-F]+$/.test(e))throw new Error("keyPrefix must be a non-empty hex string.");if(e.length>t*2)throw new Error(`keyPrefix (${e.length} hex characters) must not be longer than the key (keyLength: ${t} bytes).`)}async function Ce(e){let{challenge:t,controller:n,counterMode:i="uint32",counterStart:o=0,counterStep:s=1,deriveKey:c,timeout:u=9e4}=e,{nonce:d,keyLength:l=32,keyPrefix:m,salt:f}=t.parameters;pn(m,l);let a=me(d),p=me(f),h=m.toLowerCase(),w=m.length%2===0?me(m):null,y=new Ie(a,i),g=performance.now(),v=o,k=0,T="",E=g;for(;;){if(n?.signal.aborted||u&&k%10===0&&performance.now()-g>u)return null;let{derivedKey:b}=await c(t.parameters,p,y.setCounter(v));if(k%10===0&&performance.now()-E>200&&(await Te(0),E=performance.now()),w?yt(b,w):pe(b).startsWith(h)){T=pe(b);break}v=v+s,k=k+1}return{counter:v,derivedKey:T,time:Ee(g)}}var Jn=["SHA-1",...Object.values(z)];async function bt(e,t,n){let{algorithm:i,cost:o,keyLength:s=32}=e;de(i,["PBKDF2/SHA-256","PBKDF2/SHA-384","PBKDF2/SHA-512"]);let c=await crypto.subtle.importKey("raw",n,{name:"PBKDF2"},!1,["deriveBits"]),u=await crypto.subtle.deriveBits({name:"PBKDF2",salt:t,iterations:o,hash:i.slice(7)},c,s*8);return{parameters:{},derivedKey:new Uint8Array(u)}}async function De(e){let t=JSON.parse(e),n=await Ce({challenge:t,deriveKey:bt});if(n===null)throw new Error("The check before starting took too long; reload the page to try again.");return btoa(JSON.stringify({challenge:t,solution:n}))}var P=class extends String{__apiType;value;__meta__;constructor(t,n){super(t),this.value=t,this.__meta__=n}toString(){return this.value}},Sr=new P(`
    fragment ReviewFields on Review {
  id
  reviewer
  rating
  decision
  comment
  createdAt
}
    `,{fragmentName:"ReviewFields"}),St=new P(`
    query CandidateSession {
  candidateSession {
    id
    status
    candidateName
    expiresAt
    interview {
      title
      maxRetakes
      questions {
        id
        position
        text
        timeLimitSeconds
      }
    }
    recordings {
      id
      status
      question {
        id
      }
    }
  }
}
    `),xt=new P(`
    mutation UploadAnswer($sessionId: ID!, $questionId: ID!, $file: Upload!, $idempotencyKey: String) {
  uploadRecording(
    sessionId: $sessionId
    questionId: $questionId
    file: $file
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ... on Recording {
      id
      durationSeconds
      sizeBytes
      codec
    }
    ... on UserError {
      message
    }
  }
}
    `),kt=new P(`
    mutation SubmitAnswers($sessionId: ID!) {
  submitSession(sessionId: $sessionId) {
    __typename
    ... on Session {
      id
      status
    }
    ... on UserError {
      message
    }
  }
}
    `),Rt=new P(`
    query PublicInterview($key: String!) {
  interview(key: $key) {
    key
    title
    questions {
      id
    }
  }
  startChallenge(interviewKey: $key) {
    challenge
  }
}
    `),Pe=new P(`
    mutation StartPublicSession($interviewKey: String!, $candidateName: String, $candidateEmail: String, $proofOfWork: String) {
  startSession(
    interviewKey: $interviewKey
    candidateName: $candidateName
    candidateEmail: $candidateEmail
    proofOfWork: $proofOfWork
  ) {
    __typename
    ... on StartSessionResult {
      uploadToken
      session {
        id
      }
    }
    ... on ChallengeRequired {
      challenge {
        challenge
      }
    }
    ... on UserError {
      message
    }
  }
}
    `),At=new P(`
    query InterviewSessions($key: String!, $first: Int!, $after: String) {
  interview(key: $key) {
    key
    title
    questions {
      id
    }
    sessions(first: $first, after: $after) {
      nodes {
        id
        status
        candidateName
        createdAt
        submittedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `),$e=new P(`
    query ReviewSession($id: ID!) {
  session(id: $id) {
    id
    status
    candidateName
    createdAt
    submittedAt
    expiresAt
    failureReason
    reviews {
      ...ReviewFields
    }
    reviewSummary {
      averageRating
      decisions {
        decision
        count
      }
    }
    interview {
      key
      title
    }
    analysis {
      score
      summary
      recommendation
      provider
      model
    }
    recordings {
      id
      status
      durationSeconds
      speechSeconds
      sizeBytes
      codec
      question {
        id
        position
        text
      }
      transcript {
        text
        provider
        model
        segments {
          start
          end
          text
        }
      }
      analysis {
        score
        summary
        strengths
        concerns
        provider
        metrics {
          wordsPerMinute
          fillerRate
          speechSeconds
          wordCount
        }
      }
      reviews {
        ...ReviewFields
      }
    }
  }
}
    fragment ReviewFields on Review {
  id
  reviewer
  rating
  decision
  comment
  createdAt
}`),Tt=new P(`
    mutation RateAnswer($recordingId: ID!, $rating: Int!, $comment: String) {
  reviewRecording(recordingId: $recordingId, rating: $rating, comment: $comment) {
    __typename
    ... on Review {
      ...ReviewFields
    }
    ... on UserError {
      message
    }
  }
}
    fragment ReviewFields on Review {
  id
  reviewer
  rating
  decision
  comment
  createdAt
}`),Et=new P(`
    mutation DecideSession($sessionId: ID!, $decision: ReviewDecision!, $comment: String) {
  reviewSession(sessionId: $sessionId, decision: $decision, comment: $comment) {
    __typename
    ... on Review {
      ...ReviewFields
    }
    ... on UserError {
      message
    }
  }
}
    fragment ReviewFields on Review {
  id
  reviewer
  rating
  decision
  comment
  createdAt
}`),It=new P(`
    query SessionCost($interviewKey: String!) {
  costReport(interviewKey: $interviewKey) {
    sessionCosts {
      sessionId
      costUsd
    }
    pricesAsOf
  }
}
    `),Ct=new P(`
    query PlayRecording($id: ID!) {
  recording(id: $id) {
    id
    downloadUrl {
      __typename
      ... on DownloadUrl {
        url
        expiresAt
      }
      ... on ArchivedRecording {
        storageClass
        restoreStatus
      }
    }
  }
}
    `),Dt=new P(`
    query MyInterviews($first: Int!) {
  interviews(first: $first) {
    key
    title
    public
    questions {
      id
    }
  }
}
    `);function Pt({children:e}){return r(S,{children:[r("a",{class:"skip",href:"#main",children:"Skip to content"}),r("header",{class:"site",children:[r("a",{class:"brand",href:"/",children:"debrief"}),r("nav",{"aria-label":"Site",children:[r("a",{href:"/review",children:"Review"}),r("a",{href:"/graphql",children:"GraphQL explorer"})]})]}),r("main",{id:"main",tabIndex:-1,children:e})]})}function j({children:e,level:t=1}){let n=U(null);return D(()=>n.current?.focus(),[]),r(t===1?"h1":"h2",{ref:n,tabIndex:-1,children:e})}function $({message:e}){return r("p",{class:"error",role:"alert",children:e??""})}function O(e){if(e==null)return"—";let t=Math.max(0,Math.round(e));return`${Math.floor(t/60)}:${String(t%60).padStart(2,"0")}`}function fe(e){return e<1024?`${e} B`:`${(e/1024).toFixed(1)} KB`}function L(e){return e?new Date(e).toLocaleString():"—"}function _e(e){return e.replace(/_/g," ").toLowerCase()}function mn(e){return`/record#token=${encodeURIComponent(e)}`}function fn(e){let t=De(e);return t.catch(()=>{}),t}function $t({interviewKey:e}){let[t,n]=_(void 0),[i,o]=_(""),[s,c]=_(""),[u,d]=_(null),[l,m]=_(!1),f=U(null);if(D(()=>{I(Rt,{key:e},null).then(h=>{h.startChallenge&&(f.current=fn(h.startChallenge.challenge)),n(h.interview)}).catch(h=>d(h.message))},[e]),t===void 0)return r("p",{"aria-busy":"true",children:u??"Loading the interview…"});if(t===null)return r(S,{children:[r("h1",{children:"Interview not found"}),r("p",{children:["There is no public interview with the key “",e,"”. If you were invited, use the link in your invitation."]})]});let a=async h=>{h.preventDefault(),m(!0),d(null);try{let w={interviewKey:e,candidateName:i||null,candidateEmail:s||null},y=f.current?await f.current:null,{startSession:g}=await I(Pe,{...w,proofOfWork:y},null);if(g.__typename==="ChallengeRequired"){let v=await De(g.challenge.challenge);({startSession:g}=await I(Pe,{...w,proofOfWork:v},null))}if(f.current=null,g.__typename!=="StartSessionResult"){d(g.message);return}location.assign(mn(g.uploadToken))}catch(w){d(w.message)}finally{m(!1)}},p=t.questions.length;return r(S,{children:[r("h1",{children:t.title}),r("p",{children:[p," question",p===1?"":"s",", answered by voice. You will need a microphone; you can listen to each answer before you send it."]}),r("form",{class:"stack",onSubmit:a,children:[r("label",{for:"candidate-name",children:"Your name"}),r("input",{id:"candidate-name",autocomplete:"name",value:i,required:!0,onInput:h=>o(h.currentTarget.value)}),r("label",{for:"candidate-email",children:"Email (optional)"}),r("input",{id:"candidate-email",type:"email",autocomplete:"email",value:s,onInput:h=>c(h.currentTarget.value)}),r("button",{type:"submit",disabled:l,children:l?"Starting…":"Start the interview"})]}),r($,{message:u})]})}var _n=["audio/ogg;codecs=opus","audio/webm;codecs=opus"];function Mt(){let e=document.querySelector('meta[name="debrief-recorder-bitrate-bps"]'),t=Number(e?.content);return Number.isFinite(t)&&t>0?t:12e3}function Nt(){return typeof MediaRecorder>"u"?null:_n.find(e=>MediaRecorder.isTypeSupported(e))??null}var V=class extends Error{};async function Ut(){if(!navigator.mediaDevices?.getUserMedia)throw new V("This browser cannot record audio here. Use a current browser over https or localhost.");try{return await navigator.mediaDevices.getUserMedia({audio:{channelCount:1,echoCancellation:!0,noiseSuppression:!0}})}catch(e){let t=e instanceof DOMException?e.name:"";throw t==="NotAllowedError"||t==="SecurityError"?new V("Microphone access was refused. Allow the microphone for this site in your browser's settings, then press “Allow microphone” again."):t==="NotFoundError"?new V("No microphone was found. Connect one and try again."):new V(`The microphone could not be opened (${t||"unknown error"}).`)}}var ge=class{recorder;chunks=[];startedAt=performance.now();finished;constructor(t,n,i){this.recorder=new MediaRecorder(t,{mimeType:n,audioBitsPerSecond:i}),this.finished=new Promise((o,s)=>{this.recorder.ondataavailable=c=>{c.data.size>0&&this.chunks.push(c.data)},this.recorder.onerror=()=>s(new Error("The recording failed.")),this.recorder.onstop=()=>o({blob:new Blob(this.chunks,{type:n}),mimeType:n,durationS:(performance.now()-this.startedAt)/1e3})}),this.recorder.start()}stop(){return this.recorder.state!=="inactive"&&this.recorder.stop(),this.finished}};function gn(e){return new URLSearchParams(e.replace(/^#/,"")).get("token")}var yn=2**31-1;function hn(e){let t=e?Date.parse(e):null,[n,i]=_(()=>t!=null&&Date.now()>=t);return D(()=>{if(t==null)return;let o=0,s=()=>{let c=t-Date.now();c<=0?i(!0):o=window.setTimeout(s,Math.min(c,yn))};return s(),()=>clearTimeout(o)},[t]),n}function vn(){return crypto.randomUUID?.()??`${Date.now()}-${Math.random().toString(16).slice(2)}`}function Ft(){let e=gn(location.hash),[t,n]=_(void 0),[i,o]=_(null),[s,c]=_(!1),[u,d]=_(!1),l=hn(t?.expiresAt);return D(()=>{e&&I(St,{},e).then(m=>n(m.candidateSession)).catch(m=>m instanceof Z?n(null):o(m.message))},[e]),e?t===void 0?r("p",{"aria-busy":"true",children:i??"Loading your interview…"}):t===null?r(S,{children:[r("h1",{children:"Link not valid"}),r("p",{children:"This recording link has expired or is not valid. Ask the interviewer for a new one."})]}):!s&&(t.status==="EXPIRED"||u||l&&t.status==="IN_PROGRESS")?r(S,{children:[r(j,{children:"Link expired"}),r("p",{children:[t.expiresAt?r(S,{children:["The deadline for “",t.interview.title,"” passed on"," ",r("time",{dateTime:t.expiresAt,children:L(t.expiresAt)}),"."," "]}):"This interview can no longer be answered. ","Answers can no longer be sent. Ask the interviewer to extend the deadline or send a new link."]})]}):s||t.status!=="IN_PROGRESS"?r(S,{children:[r(j,{children:"Thank you"}),r("p",{children:["Your answers to “",t.interview.title,"” have been sent. You can close this page."]})]}):r(wn,{session:t,token:e,onSubmitted:()=>c(!0),onExpired:()=>d(!0)}):r(S,{children:[r("h1",{children:"Recording link incomplete"}),r("p",{children:"This page needs the whole link you were given (it ends with your token)."})]})}function wn({session:e,token:t,onSubmitted:n,onExpired:i}){let o=[...e.interview.questions].sort((b,N)=>b.position-N.position),[s,c]=_(()=>Object.fromEntries(e.recordings.map(b=>[b.question.id,{uploads:1}]))),[u,d]=_(()=>{let b=o.findIndex(N=>!(N.id in s));return b===-1?o.length-1:b}),[l,m]=_(null),[f,a]=_(null),[p,h]=_(null),[w,y]=_(!1),g=Nt(),v=async()=>{if(l)return l;a(null);try{let b=await Ut();return m(b),b}catch(b){return a(b instanceof V?b.message:String(b)),null}};D(()=>()=>l?.getTracks().forEach(b=>b.stop()),[l]);let k=o[u],T=o.filter(b=>b.id in s).length,E=async()=>{y(!0),h(null);try{let{submitSession:b}=await I(kt,{sessionId:e.id},t);b.__typename==="Session"?n():b.__typename==="Expired"?i():h(b.message)}catch(b){h(b.message)}finally{y(!1)}};return g?r(S,{children:[r("h1",{children:e.interview.title}),r("p",{children:[T," of ",o.length," answered."," ",e.interview.maxRetakes>0?`You may retake each answer ${e.interview.maxRetakes===1?"once":`${e.interview.maxRetakes} times`} after sending it.`:"Each answer can be sent once."]}),e.expiresAt&&r("p",{class:"deadline",children:["Deadline: send your answers by"," ",r("strong",{children:r("time",{dateTime:e.expiresAt,children:L(e.expiresAt)})})," ","(your local time)."]}),!l&&r("section",{class:"card","aria-labelledby":"mic-heading",children:[r("h2",{id:"mic-heading",children:"Microphone"}),r("p",{children:"Your browser will ask to use the microphone. Nothing is recorded until you press Record."}),r("button",{type:"button",onClick:v,children:"Allow microphone"}),r($,{message:f})]}),r(bn,{question:k,number:u+1,total:o.length,answer:s[k.id],maxRetakes:e.interview.maxRetakes,sessionId:e.id,token:t,mimeType:g,microphone:l,allowMicrophone:v,onExpired:i,onUploaded:b=>c(N=>({...N,[k.id]:{uploads:(N[k.id]?.uploads??0)+1,sizeBytes:b}}))},k.id),r("nav",{class:"pager","aria-label":"Questions",children:[r("button",{type:"button",disabled:u===0,onClick:()=>d(u-1),children:"Previous question"}),u<o.length-1?r("button",{type:"button",disabled:!(k.id in s),onClick:()=>d(u+1),children:"Next question"}):r("button",{type:"button",class:"primary",disabled:T<o.length||w,onClick:E,children:w?"Submitting…":"Submit interview"})]}),r($,{message:p})]}):r(S,{children:[r("h1",{children:e.interview.title}),r($,{message:"This browser cannot record Opus audio. Please use a current Chrome, Edge or Firefox."})]})}function bn(e){let{question:t,answer:n,maxRetakes:i}=e,[o,s]=_("idle"),[c,u]=_(null),[d,l]=_(null),[m,f]=_(0),[a,p]=_(0),[h,w]=_(""),[y,g]=_(null),v=U(null),k=U(0),T=t.timeLimitSeconds,E=n?i-(n.uploads-1):null,b=!n||(E??0)>0;D(()=>()=>{d&&URL.revokeObjectURL(d)},[d]);let N=async()=>{let C=v.current;if(!C)return;v.current=null;let K=await C.stop();u(K),l(URL.createObjectURL(K.blob)),s("preview"),w(`Recorded ${O(K.durationS)}. Listen, then send it or record again.`)};D(()=>{if(o!=="recording")return;let C=setInterval(()=>{let K=(performance.now()-k.current)/1e3;f(K),T!=null&&K>=T&&N()},250);return()=>clearInterval(C)},[o]);let Q=async()=>{g(null);let C=e.microphone??await e.allowMicrophone();C&&(v.current=new ge(C,e.mimeType,Mt()),k.current=performance.now(),f(0),u(null),l(null),s("recording"),w("Recording…"))},Y=async()=>{if(!c)return;let C=vn(),K=c.mimeType.includes("ogg")?"ogg":"webm";s("uploading"),p(0),g(null);try{let{uploadRecording:q}=await gt(qe=>(w(qe===1?"Uploading…":`Upload failed; trying again (attempt ${qe})…`),_t(xt,{sessionId:e.sessionId,questionId:t.id,file:null,idempotencyKey:C},c.blob,`answer-${e.number}.${K}`,e.token,p)));if(q.__typename==="Expired"){e.onExpired();return}if(q.__typename!=="Recording"){g(q.message),s("preview"),w("");return}e.onUploaded(q.sizeBytes),s("idle"),u(null),l(null),w(`Answer ${e.number} saved (${fe(q.sizeBytes)}).`)}catch(q){g(q instanceof F?q.message:`The upload failed: ${q.message}`),s("preview"),w("")}},M=T!=null?Math.max(0,T-m):null;return r("section",{class:"card question","aria-labelledby":`q-${t.id}`,children:[r(j,{level:2,children:r("span",{id:`q-${t.id}`,children:["Question ",e.number," of ",e.total]})}),r("p",{class:"question-text",children:t.text}),r("p",{class:"hint",children:[T!=null?`Time limit: ${O(T)}.`:"No time limit."," ",n?E&&E>0?`Answer sent; ${E} retake${E===1?"":"s"} left.`:"Answer sent; no retakes left.":"Not answered yet."]}),o==="recording"&&r("div",{class:"recording",children:[r("span",{class:"dot","aria-hidden":"true"}),r("span",{role:"timer","aria-live":"off",children:M!=null?`${O(M)} left`:O(m)}),r("button",{type:"button",class:"primary",onClick:N,children:"Stop recording"})]}),o==="idle"&&b&&r("button",{type:"button",class:"primary",onClick:Q,children:n?"Retake answer":"Record answer"}),o==="preview"&&d&&r("div",{class:"preview",children:[r("audio",{controls:!0,src:d,"aria-label":`Your answer to question ${e.number}`}),r("div",{class:"actions",children:[r("button",{type:"button",class:"primary",onClick:Y,children:"Send answer"}),r("button",{type:"button",onClick:Q,children:"Discard and record again"})]})]}),o==="uploading"&&r("div",{class:"upload",children:[r("label",{for:`progress-${t.id}`,children:"Upload progress"}),r("progress",{id:`progress-${t.id}`,max:1,value:a,children:[Math.round(a*100),"%"]})]}),r("p",{class:"status",role:"status",children:h}),r($,{message:y})]})}function Me(e,t,{done:n,onError:i,intervalMs:o=3e3}={}){let s,c=!1,u=async()=>{clearTimeout(s);try{let l=await e();if(c||(t(l),n?.(l)))return}catch(l){if(c)return;i?.(l)}let d=document.hidden?o*5:o;s=setTimeout(u,d)};return u(),{stop(){c=!0,clearTimeout(s)},refresh(){c||u()}}}var Sn=[[1,"1 – poor"],[2,"2 – weak"],[3,"3 – fair"],[4,"4 – good"],[5,"5 – excellent"]],Ne=[["ADVANCE","Advance"],["HOLD","Hold"],["REJECT","Reject"]];function Lt(e){return Ne.find(([t])=>t===e)?.[1]??e}function Ue({reviews:e,label:t}){if(e.length===0)return r("p",{class:"hint",children:"No reviews yet."});let n=[...e].sort((i,o)=>o.createdAt.localeCompare(i.createdAt));return r("ul",{class:"reviews","aria-label":t,children:n.map(i=>r("li",{children:[r("strong",{children:i.reviewer})," ",i.rating!=null&&r("span",{class:"rating",children:["rated ",i.rating," of 5"]}),i.decision!=null&&r("span",{class:`badge decision ${i.decision.toLowerCase()}`,children:Lt(i.decision)})," ",r("time",{class:"hint",dateTime:i.createdAt,children:L(i.createdAt)}),i.comment&&r("p",{class:"comment",children:i.comment})]},i.id))})}function qt({summary:e}){let t=new Map(e?.decisions.map(n=>[n.decision,n.count])??[]);return r("dl",{class:"facts","aria-label":"Review summary",children:[r("dt",{children:"Average rating"}),r("dd",{children:e?.averageRating!=null?`${e.averageRating.toFixed(1)} of 5`:"not rated yet"}),r("dt",{children:"Decisions"}),r("dd",{children:Ne.map(([n,i])=>`${i} ${t.get(n)??0}`).join(" · ")})]})}function Ht(){let[e,t]=_(!1),[n,i]=_(null),[o,s]=_("");return{busy:e,error:n,status:o,run:async(u,d)=>{t(!0),i(null),s("");try{let l=await u();return l.__typename==="Review"?s(d):i(l.message??"The review was not saved."),l.__typename==="Review"}catch(l){return i(l.message),!1}finally{t(!1)}}}}function Ot({recordingId:e,number:t,apiKey:n,onSaved:i}){let[o,s]=_(null),[c,u]=_(""),[d,l]=_(null),m=Ht(),f=`rate-${e}`;return r("form",{class:"review-form",onSubmit:async p=>{if(p.preventDefault(),o==null){l("Choose a rating from 1 to 5 first.");return}l(null),await m.run(async()=>{let{reviewRecording:w}=await I(Tt,{recordingId:e,rating:o,comment:c.trim()||null},n);return w},`Your rating of answer ${t} is saved.`)&&i()},"aria-labelledby":`${f}-title`,children:[r("h4",{id:`${f}-title`,children:"Your rating"}),r("fieldset",{class:"choices",children:[r("legend",{children:["Rating of answer ",t]}),Sn.map(([p,h])=>r("label",{class:"choice",children:[r("input",{type:"radio",name:`${f}-rating`,value:p,checked:o===p,onChange:()=>s(p)}),h]},p))]}),r("label",{for:`${f}-comment`,children:["Comment on answer ",t," (optional)"]}),r("textarea",{id:`${f}-comment`,rows:2,value:c,onInput:p=>u(p.currentTarget.value)}),r("div",{class:"actions",children:r("button",{type:"submit",disabled:m.busy,children:m.busy?"Saving…":`Save rating of answer ${t}`})}),r("p",{class:"status",role:"status",children:m.status}),r($,{message:d??m.error})]})}function Kt({sessionId:e,apiKey:t,onSaved:n}){let[i,o]=_(null),[s,c]=_(""),[u,d]=_(null),l=Ht();return r("form",{class:"review-form",onSubmit:async f=>{if(f.preventDefault(),i==null){d("Choose Advance, Hold or Reject first.");return}d(null),await l.run(async()=>{let{reviewSession:p}=await I(Et,{sessionId:e,decision:i,comment:s.trim()||null},t);return p},`Your decision (${Lt(i)}) is saved.`)&&n()},"aria-labelledby":"decide-title",children:[r("h3",{id:"decide-title",children:"Your decision"}),r("fieldset",{class:"choices",children:[r("legend",{children:"Decision on this session"}),Ne.map(([f,a])=>r("label",{class:"choice",children:[r("input",{type:"radio",name:"session-decision",value:f,checked:i===f,onChange:()=>o(f)}),a]},f))]}),r("label",{for:"decide-comment",children:"Comment on the session (optional)"}),r("textarea",{id:"decide-comment",rows:3,value:s,onInput:f=>c(f.currentTarget.value)}),r("div",{class:"actions",children:r("button",{type:"submit",class:"primary",disabled:l.busy,children:l.busy?"Saving…":"Save decision"})}),r("p",{class:"status",role:"status",children:l.status}),r($,{message:u??l.error})]})}var Fe="debrief.apiKey",Bt=new Set(["COMPLETE","FAILED","EXPIRED"]);function Vt(){let[e,t]=_(()=>sessionStorage.getItem(Fe));if(!e)return r(xn,{onKey:c=>{sessionStorage.setItem(Fe,c),t(c)}});let n=new URLSearchParams(location.search),i=n.get("interview"),o=n.get("session");return r(S,{children:[r("div",{class:"toolbar",children:r("button",{type:"button",onClick:()=>{sessionStorage.removeItem(Fe),t(null)},children:"Forget API key"})}),o?r(An,{apiKey:e,sessionId:o}):i?r(Rn,{apiKey:e,interviewKey:i}):r(kn,{apiKey:e})]})}function xn({onKey:e}){let[t,n]=_("");return r(S,{children:[r("h1",{children:"Review interviews"}),r("form",{class:"stack",onSubmit:i=>{i.preventDefault(),t.trim()&&e(t.trim())},children:[r("label",{for:"api-key",children:"Interviewer API key"}),r("input",{id:"api-key",type:"password",autocomplete:"off",value:t,required:!0,"aria-describedby":"api-key-hint",onInput:i=>n(i.currentTarget.value)}),r("p",{id:"api-key-hint",class:"hint",children:"Starts with dbk_. Kept in this tab only (sessionStorage) until you close it."}),r("button",{type:"submit",children:"Continue"})]})]})}function Le(e,t){return`${e} ${t}${e===1?"":"s"}`}function kn({apiKey:e}){let[t,n]=_(null),[i,o]=_(null),[s,c]=_("");return D(()=>{I(Dt,{first:100},e).then(u=>n(u.interviews)).catch(u=>o(u.message))},[e]),r(S,{children:[r("h1",{children:"Interviews"}),t===null?r("p",{"aria-busy":"true",children:i?"":"Loading interviews…"}):t.length===0?r("p",{children:"No interviews are visible with this API key yet."}):r("ul",{class:"interviews",children:t.map(u=>r("li",{children:[r("a",{href:`/review?interview=${encodeURIComponent(u.key)}`,children:u.title})," ",r("span",{class:"hint",children:[u.key," · ",Le(u.questions.length,"question"),u.public?" · public":""]})]},u.key))}),r("form",{class:"inline",onSubmit:u=>{u.preventDefault(),s.trim()&&location.assign(`/review?interview=${encodeURIComponent(s.trim())}`)},children:[r("label",{for:"review-interview-key",children:"Interview key"}),r("input",{id:"review-interview-key",value:s,required:!0,onInput:u=>c(u.currentTarget.value)}),r("button",{type:"submit",children:"Show sessions"})]}),r($,{message:i})]})}function Rn({apiKey:e,interviewKey:t}){let[n,i]=_(void 0),[o,s]=_(null);if(D(()=>{let u=Me(()=>I(At,{key:t,first:50,after:null},e),d=>{i(d.interview),s(null)},{done:d=>d.interview===null,onError:d=>s(d.message)});return()=>u.stop()},[t,e]),n===void 0)return r("p",{"aria-busy":"true",children:o??"Loading sessions…"});if(n===null)return r(S,{children:[r("h1",{children:"Interview not found"}),r("p",{children:["No interview “",t,"” is visible with this API key. ",r("a",{href:"/review",children:"Choose another"}),"."]})]});let c=n.sessions.nodes;return r(S,{children:[r("nav",{"aria-label":"Breadcrumb",children:[r("a",{href:"/review",children:"Interviews"})," › ",n.key]}),r("h1",{children:n.title}),r("p",{children:[Le(n.questions.length,"question")," · ",Le(c.length,"session")," · status updates live"]}),c.length===0?r("p",{children:"No sessions yet."}):r("table",{children:[r("caption",{children:["Sessions of ",n.title]}),r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Candidate"}),r("th",{scope:"col",children:"Status"}),r("th",{scope:"col",children:"Started"}),r("th",{scope:"col",children:"Submitted"})]})}),r("tbody",{children:c.map(u=>r("tr",{children:[r("td",{children:r("a",{href:`/review?interview=${encodeURIComponent(n.key)}&session=${encodeURIComponent(u.id)}`,children:u.candidateName??"Unnamed candidate"})}),r("td",{children:r("span",{class:`badge ${u.status.toLowerCase()}`,children:_e(u.status)})}),r("td",{children:L(u.createdAt)}),r("td",{children:L(u.submittedAt)})]},u.id))})]}),r($,{message:o})]})}function An({apiKey:e,sessionId:t}){let[n,i]=_(void 0),[o,s]=_(void 0),[c,u]=_(null);D(()=>{let a=Me(()=>I($e,{id:t},e),p=>{i(p.session),u(null)},{done:p=>p.session===null||Bt.has(p.session.status),onError:p=>u(p.message)});return()=>a.stop()},[t,e]);let d=()=>{I($e,{id:t},e).then(a=>{i(a.session),u(null)}).catch(a=>u(a.message))},l=n?Bt.has(n.status):!1,m=n?.interview.key;if(D(()=>{m&&I(It,{interviewKey:m},e).then(a=>s(a.costReport.sessionCosts.find(p=>p.sessionId===t)?.costUsd??0)).catch(()=>s(null))},[m,l]),n===void 0)return r("p",{"aria-busy":"true",children:c??"Loading the session…"});if(n===null)return r(S,{children:[r("h1",{children:"Session not found"}),r("p",{children:["No such session is visible with this API key. ",r("a",{href:"/review",children:"Back to interviews"}),"."]})]});let f=[...n.recordings].sort((a,p)=>a.question.position-p.question.position);return r(S,{children:[r("nav",{"aria-label":"Breadcrumb",children:[r("a",{href:"/review",children:"Interviews"})," ›"," ",r("a",{href:`/review?interview=${encodeURIComponent(n.interview.key)}`,children:n.interview.title})," ›"," ",n.candidateName??"Unnamed candidate"]}),r(j,{children:n.candidateName??"Unnamed candidate"}),r("dl",{class:"facts",children:[r("dt",{children:"Status"}),r("dd",{"aria-live":"polite",children:r("span",{class:`badge ${n.status.toLowerCase()}`,children:_e(n.status)})}),r("dt",{children:"Submitted"}),r("dd",{children:L(n.submittedAt)}),r("dt",{children:"Deadline"}),r("dd",{children:n.expiresAt?L(n.expiresAt):"none"}),r("dt",{children:"Measured cost"}),r("dd",{children:o===void 0?"…":o===null?"unavailable":`$${o.toFixed(4)}`})]}),n.failureReason&&r($,{message:n.failureReason}),n.analysis&&r("section",{class:"card","aria-labelledby":"overall",children:[r("h2",{id:"overall",children:"Overall analysis"}),r("p",{children:[n.analysis.score!=null&&r("strong",{children:["Score ",n.analysis.score.toFixed(1),". "]}),n.analysis.recommendation&&r(S,{children:["Recommendation: ",n.analysis.recommendation,". "]}),n.analysis.summary]}),r("p",{class:"hint",children:["By ",n.analysis.provider,n.analysis.model?` (${n.analysis.model})`:"","."]})]}),r("p",{class:"hint",children:"Audio is fetched only when you press Play: each press asks the server for one short-lived signed link. Everything else on this page comes from the database."}),f.map(a=>r(Tn,{answer:a,apiKey:e,onReviewed:d},a.id)),r("section",{class:"card","aria-labelledby":"session-review",children:[r("h2",{id:"session-review",children:"Review of the session"}),r(qt,{summary:n.reviewSummary}),r("h3",{children:"Decisions"}),r(Ue,{reviews:n.reviews,label:"Decisions on this session"}),r(Kt,{sessionId:n.id,apiKey:e,onSaved:d})]}),r($,{message:c})]})}function Tn({answer:e,apiKey:t,onReviewed:n}){let i=U(null),[o,s]=_(null),[c,u]=_(null),[d,l]=_(!1),m=U(null),f=e.question.position,a=async()=>{if(o)return!0;l(!0);try{let{recording:y}=await I(Ct,{id:e.id},t),g=y?.downloadUrl;return g?.__typename==="DownloadUrl"?(s(g.url),!0):(u(g?.__typename==="ArchivedRecording"?`This answer is archived (${g.storageClass}, restore ${g.restoreStatus}).`:"The recording is no longer available."),!1)}catch(y){return u(y.message),!1}finally{l(!1)}};D(()=>{let y=i.current;!o||!y||(m.current!=null&&(y.currentTime=m.current),m.current=null,y.play().catch(()=>{}),y.focus())},[o]);let p=()=>{a()},h=async y=>{if(!o){m.current=y,await a();return}let g=i.current;g&&(g.currentTime=y,g.play().catch(()=>{}))},w=e.analysis?.metrics;return r("section",{class:"card answer","aria-labelledby":`answer-${e.id}`,children:[r("h2",{id:`answer-${e.id}`,children:["Question ",f,": ",e.question.text]}),r("p",{class:"hint",children:[_e(e.status)," · ",O(e.durationSeconds)," · ",fe(e.sizeBytes)," ",e.codec]}),o?r("audio",{ref:i,controls:!0,src:o,"aria-label":`Answer to question ${f}`}):r("button",{type:"button",onClick:p,disabled:d,children:d?"Fetching audio…":`Play answer ${f}`}),c&&r("p",{role:"status",children:c}),e.transcript?r("div",{class:"transcript",children:[r("h3",{children:"Transcript"}),r("ol",{class:"segments","aria-label":`Transcript of answer ${f}; press a line to hear it`,children:e.transcript.segments.map((y,g)=>r("li",{children:r("button",{type:"button",class:"segment",onClick:()=>{h(y.start)},children:[r("span",{class:"time",children:O(y.start)})," ",y.text.trim()]})},g))}),r("p",{class:"hint",children:["By ",e.transcript.provider," (",e.transcript.model,")."]})]}):r("p",{class:"hint",children:["Transcript: ",e.status==="FAILED"?"failed":"pending…"]}),w&&r("dl",{class:"metrics","aria-label":`Speech metrics of answer ${f}`,children:[r("dt",{children:"Words per minute"}),r("dd",{children:w.wordsPerMinute.toFixed(0)}),r("dt",{children:"Filler rate"}),r("dd",{children:[(w.fillerRate*100).toFixed(1),"%"]}),r("dt",{children:"Speech"}),r("dd",{children:O(w.speechSeconds)}),r("dt",{children:"Words"}),r("dd",{children:w.wordCount})]}),e.analysis?.summary&&r("div",{class:"analysis",children:[r("h3",{children:"Analysis"}),r("p",{children:[e.analysis.score!=null&&r("strong",{children:["Score ",e.analysis.score.toFixed(1),". "]}),e.analysis.summary]}),e.analysis.strengths.length>0&&r(S,{children:[r("h4",{children:"Strengths"}),r("ul",{children:e.analysis.strengths.map(y=>r("li",{children:y},y))})]}),e.analysis.concerns.length>0&&r(S,{children:[r("h4",{children:"Concerns"}),r("ul",{children:e.analysis.concerns.map(y=>r("li",{children:y},y))})]})]}),r("div",{class:"review",children:[r("h3",{children:"Reviews"}),r(Ue,{reviews:e.reviews,label:`Reviews of answer ${f}`}),r(Ot,{recordingId:e.id,number:f,apiKey:t,onSaved:n})]})]})}function En(e){let t=/^\/interview\/([^/]+)\/?$/.exec(e);return t?r($t,{interviewKey:decodeURIComponent(t[1])}):e==="/record"?r(Ft,{}):e==="/review"?r(Vt,{}):r(mt,{})}var Qt=document.getElementById("app");Qt&&tt(r(Pt,{children:En(location.pathname)}),Qt);
