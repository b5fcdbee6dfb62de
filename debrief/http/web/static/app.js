var se,S,Pe,St,B,Te,Ae,Ce,_e,X,j,$e,fe,pe,me,kt,te={},ne=[],xt=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,ie=Array.isArray;function U(e,t){for(var n in t)e[n]=t[n];return e}function ye(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function Tt(e,t,n){var s,a,i,u={};for(i in t)i=="key"?s=t[i]:i=="ref"?a=t[i]:u[i]=t[i];if(arguments.length>2&&(u.children=arguments.length>3?se.call(arguments,2):n),typeof e=="function"&&e.defaultProps!=null)for(i in e.defaultProps)u[i]===void 0&&(u[i]=e.defaultProps[i]);return Z(e,u,s,a,null)}function Z(e,t,n,s,a){var i={type:e,props:t,key:n,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:a??++Pe,__i:-1,__u:0};return a==null&&S.vnode!=null&&S.vnode(i),i}function w(e){return e.children}function ee(e,t){this.props=e,this.context=t}function O(e,t){if(t==null)return e.__?O(e.__,e.__i+1):null;for(var n;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null)return n.__e;return typeof e.type=="function"?O(e):null}function Rt(e){if(e.__P&&e.__d){var t=e.__v,n=t.__e,s=[],a=[],i=U({},t);i.__v=t.__v+1,S.vnode&&S.vnode(i),he(e.__P,i,t,e.__n,e.__P.namespaceURI,32&t.__u?[n]:null,s,n??O(t),!!(32&t.__u),a),i.__v=t.__v,i.__.__k[i.__i]=i,qe(s,i,a),t.__e=t.__=null,i.__e!=n&&De(i)}}function De(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),De(e)}function Re(e){(!e.__d&&(e.__d=!0)&&B.push(e)&&!re.__r++||Te!=S.debounceRendering)&&((Te=S.debounceRendering)||Ae)(re)}function re(){try{for(var e,t=1;B.length;)B.length>t&&B.sort(Ce),e=B.shift(),t=B.length,Rt(e)}finally{B.length=re.__r=0}}function Ne(e,t,n,s,a,i,u,c,d,l,p){var f,o,_,y,m,b,k=s&&s.__k||ne,h=t.length;for(d=It(n,t,k,d,h),f=0;f<h;f++)(_=n.__k[f])!=null&&(o=_.__i!=-1&&k[_.__i]||te,_.__i=f,b=he(e,_,o,a,i,u,c,d,l,p),y=_.__e,_.ref&&o.ref!=_.ref&&(o.ref&&ge(o.ref,null,_),p.push(_.ref,_.__c||y,_)),m==null&&y!=null&&(m=y),4&_.__u?(d=Ue(_,d,e),o.__e&&(o.__e=null)):typeof _.type=="function"&&b!==void 0?d=b:y&&(d=y.nextSibling),_.__u&=-7);return n.__e=m,d}function It(e,t,n,s,a){var i,u,c,d,l,p=n.length,f=p,o=0;for(e.__k=new Array(a),i=0;i<a;i++)(u=t[i])!=null&&typeof u!="boolean"&&typeof u!="function"?(typeof u=="string"||typeof u=="number"||typeof u=="bigint"||u.constructor==String?u=e.__k[i]=Z(null,u,null,null,null):ie(u)?u=e.__k[i]=Z(w,{children:u},null,null,null):u.constructor===void 0&&u.__b>0?u=e.__k[i]=Z(u.type,u.props,u.key,u.ref?u.ref:null,u.__v):e.__k[i]=u,d=i+o,u.__=e,u.__b=e.__b+1,c=null,(l=u.__i=Et(u,n,d,f))!=-1&&(f--,(c=n[l])&&(c.__u|=2)),c==null||c.__v==null?(l==-1&&(a>p?o--:a<p&&o++),typeof u.type!="function"&&(u.__u|=4)):l!=d&&(l==d-1?o--:l==d+1?o++:(l>d?o--:o++,u.__u|=4))):e.__k[i]=null;if(f)for(i=0;i<p;i++)(c=n[i])!=null&&(2&c.__u)==0&&(c.__e==s&&(s=O(c)),Fe(c,c));return s}function Ue(e,t,n){var s,a;if(typeof e.type=="function"){for(s=e.__k,a=0;s&&a<s.length;a++)s[a]&&(s[a].__=e,t=Ue(s[a],t,n));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=O(e)),t=n.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function Et(e,t,n,s){var a,i,u,c=e.key,d=e.type,l=t[n],p=l!=null&&(2&l.__u)==0;if(l===null&&c==null||p&&c==l.key&&d==l.type)return n;if(s>(p?1:0)){for(a=n-1,i=n+1;a>=0||i<t.length;)if((l=t[u=a>=0?a--:i++])!=null&&(2&l.__u)==0&&c==l.key&&d==l.type)return u}return-1}function Ie(e,t,n){t[0]=="-"?e.setProperty(t,n??""):e[t]=n==null?"":typeof n!="number"||xt.test(t)?n:n+"px"}function J(e,t,n,s,a){var i,u;e:if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof s=="string"&&(e.style.cssText=s=""),s)for(t in s)n&&t in n||Ie(e.style,t,"");if(n)for(t in n)s&&n[t]==s[t]||Ie(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")i=t!=(t=t.replace($e,"$1")),u=t.toLowerCase(),t=u in e||t=="onFocusOut"||t=="onFocusIn"?u.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+i]=n,n?s?n[j]=s[j]:(n[j]=fe,e.addEventListener(t,i?me:pe,i)):e.removeEventListener(t,i?me:pe,i);else{if(a=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=n??"";break e}catch{}typeof n=="function"||(n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n))}}function Ee(e){return function(t){if(this.l){var n=this.l[t.type+e];if(t[X]==null)t[X]=fe++;else if(t[X]<n[j])return;return n(S.event?S.event(t):t)}}}function he(e,t,n,s,a,i,u,c,d,l){var p,f,o,_,y,m,b,k,h,R,E,g,P,W,V,z,C=t.type;if(t.constructor!==void 0)return null;128&n.__u&&(d=!!(32&n.__u),i=[c=t.__e=n.__e]),(p=S.__b)&&p(t);e:if(typeof C=="function"){f=u.length;try{if(h=t.props,R=C.prototype&&C.prototype.render,E=(p=C.contextType)&&s[p.__c],g=p?E?E.props.value:p.__:s,n.__c?k=(o=t.__c=n.__c).__=o.__E:(R?t.__c=o=new C(h,g):(t.__c=o=new ee(h,g),o.constructor=C,o.render=At),E&&E.sub(o),o.state||(o.state={}),o.__n=s,_=o.__d=!0,o.__h=[],o._sb=[]),R&&o.__s==null&&(o.__s=o.state),R&&C.getDerivedStateFromProps!=null&&(o.__s==o.state&&(o.__s=U({},o.__s)),U(o.__s,C.getDerivedStateFromProps(h,o.__s))),y=o.props,m=o.state,o.__v=t,_)R&&C.getDerivedStateFromProps==null&&o.componentWillMount!=null&&o.componentWillMount(),R&&o.componentDidMount!=null&&o.__h.push(o.componentDidMount);else{if(R&&C.getDerivedStateFromProps==null&&h!==y&&o.componentWillReceiveProps!=null&&o.componentWillReceiveProps(h,g),t.__v==n.__v||!o.__e&&o.shouldComponentUpdate!=null&&o.shouldComponentUpdate(h,o.__s,g)===!1){t.__v!=n.__v&&(o.props=h,o.state=o.__s,o.__d=!1),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(I){I&&(I.__=t)}),ne.push.apply(o.__h,o._sb),o._sb=[],o.__h.length&&u.push(o),c=O(n);break e}o.componentWillUpdate!=null&&o.componentWillUpdate(h,o.__s,g),R&&o.componentDidUpdate!=null&&o.__h.push(function(){o.componentDidUpdate(y,m,b)})}if(o.context=g,o.props=h,o.__P=e,o.__e=!1,P=S.__r,W=0,R)o.state=o.__s,o.__d=!1,P&&P(t),p=o.render(o.props,o.state,o.context),ne.push.apply(o.__h,o._sb),o._sb=[];else do o.__d=!1,P&&P(t),p=o.render(o.props,o.state,o.context),o.state=o.__s;while(o.__d&&++W<25);o.state=o.__s,o.getChildContext!=null&&(s=U(U({},s),o.getChildContext())),R&&!_&&o.getSnapshotBeforeUpdate!=null&&(b=o.getSnapshotBeforeUpdate(y,m)),V=p!=null&&p.type===w&&p.key==null?Le(p.props.children):p,c=Ne(e,ie(V)?V:[V],t,n,s,a,i,u,c,d,l),o.base=t.__e,t.__u&=-161,o.__h.length&&u.push(o),k&&(o.__E=o.__=null)}catch(I){if(u.length=f,t.__v=null,d||i!=null){if(I.then){for(t.__u|=d?160:128;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;i!=null&&(i[i.indexOf(c)]=null),t.__e=c}else if(i!=null)for(z=i.length;z--;)ye(i[z])}else t.__e=n.__e;t.__k==null&&(t.__k=n.__k||[]),I.then||Me(t),S.__e(I,t,n)}}else i==null&&t.__v==n.__v?(t.__k=n.__k,t.__e=n.__e):c=t.__e=Pt(n.__e,t,n,s,a,i,u,d,l);return(p=S.diffed)&&p(t),128&t.__u?void 0:c}function Me(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(Me))}function qe(e,t,n){for(var s=0;s<n.length;s++)ge(n[s],n[++s],n[++s]);S.__c&&S.__c(t,e),e.some(function(a){try{e=a.__h,a.__h=[],e.some(function(i){i.call(a)})}catch(i){S.__e(i,a.__v)}})}function Le(e){return typeof e!="object"||e==null||e.__b>0?e:ie(e)?e.map(Le):e.constructor!==void 0?null:U({},e)}function Pt(e,t,n,s,a,i,u,c,d){var l,p,f,o,_,y,m,b=n.props||te,k=t.props,h=t.type;if(h=="svg"?a="http://www.w3.org/2000/svg":h=="math"?a="http://www.w3.org/1998/Math/MathML":a||(a="http://www.w3.org/1999/xhtml"),i!=null){for(l=0;l<i.length;l++)if((_=i[l])&&"setAttribute"in _==!!h&&(h?_.localName==h:_.nodeType==3)){e=_,i[l]=null;break}}if(e==null){if(h==null)return document.createTextNode(k);e=document.createElementNS(a,h,k.is&&k),c&&(S.__m&&S.__m(t,i),c=!1),i=null}if(h==null)b===k||c&&e.data==k||(e.data=k);else{if(i=h=="textarea"&&k.defaultValue!=null?null:i&&se.call(e.childNodes),!c&&i!=null)for(b={},l=0;l<e.attributes.length;l++)b[(_=e.attributes[l]).name]=_.value;for(l in b)_=b[l],l=="dangerouslySetInnerHTML"?f=_:l=="children"||l in k||l=="value"&&"defaultValue"in k||l=="checked"&&"defaultChecked"in k||J(e,l,null,_,a);for(l in k)_=k[l],l=="children"?o=_:l=="dangerouslySetInnerHTML"?p=_:l=="value"?y=_:l=="checked"?m=_:c&&typeof _!="function"||b[l]===_||J(e,l,_,b[l],a);if(p)c||f&&(p.__html==f.__html||p.__html==e.innerHTML)||(e.innerHTML=p.__html),t.__k=[];else if(f&&(e.innerHTML=""),Ne(t.type=="template"?e.content:e,ie(o)?o:[o],t,n,s,h=="foreignObject"?"http://www.w3.org/1999/xhtml":a,i,u,i?i[0]:n.__k&&O(n,0),c,d),i!=null)for(l=i.length;l--;)ye(i[l]);c&&h!="textarea"||(l="value",h=="progress"&&y==null?e.removeAttribute("value"):y!=null&&(y!==e[l]||h=="progress"&&!y||h=="option"&&y!=b[l])&&J(e,l,y,b[l],a),l="checked",m!=null&&m!=e[l]&&J(e,l,m,b[l],a))}return e}function ge(e,t,n){try{if(typeof e=="function"){var s=typeof e.__u=="function";s&&e.__u(),s&&t==null||(e.__u=e(t))}else e.current=t}catch(a){S.__e(a,n)}}function Fe(e,t,n){var s,a;if(S.unmount&&S.unmount(e),(s=e.ref)&&(s.current&&s.current!=e.__e||ge(s,null,t)),(s=e.__c)!=null){if(s.componentWillUnmount)try{s.componentWillUnmount()}catch(i){S.__e(i,t)}s.base=s.__P=s.__n=null}if(s=e.__k)for(a=0;a<s.length;a++)s[a]&&Fe(s[a],t,n||typeof e.type!="function");n||ye(e.__e),e.__c=e.__=e.__e=void 0}function At(e,t,n){return this.constructor(e,n)}function Be(e,t,n){var s,a,i,u;t==document&&(t=document.documentElement),S.__&&S.__(e,t),a=(s=typeof n=="function")?null:n&&n.__k||t.__k,i=[],u=[],he(t,e=(!s&&n||t).__k=Tt(w,null,[e]),a||te,te,t.namespaceURI,!s&&n?[n]:a?null:t.firstChild?se.call(t.childNodes):null,i,!s&&n?n:a?a.__e:t.firstChild,s,u),qe(i,e,u),e.props.children=null}se=ne.slice,S={__e:function(e,t,n,s){for(var a,i,u;t=t.__;)if((a=t.__c)&&!a.__)try{if((i=a.constructor)&&i.getDerivedStateFromError!=null&&(a.setState(i.getDerivedStateFromError(e)),u=a.__d),a.componentDidCatch!=null&&(a.componentDidCatch(e,s||{}),u=a.__d),u)return a.__E=a}catch(c){e=c}throw e}},Pe=0,St=function(e){return e!=null&&e.constructor===void 0},ee.prototype.setState=function(e,t){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=U({},this.state),typeof e=="function"&&(e=e(U({},n),this.props)),e&&U(n,e),e!=null&&this.__v&&(t&&this._sb.push(t),Re(this))},ee.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),Re(this))},ee.prototype.render=w,B=[],Ae=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,Ce=function(e,t){return e.__v.__b-t.__v.__b},re.__r=0,_e=Math.random().toString(8),X="__d"+_e,j="__a"+_e,$e=/(PointerCapture)$|Capture$/i,fe=0,pe=Ee(!1),me=Ee(!0),kt=0;var G,x,ve,He,ae=0,Ge=[],T=S,Qe=T.__b,Ve=T.__r,Oe=T.diffed,Ke=T.__c,We=T.unmount,ze=T.__;function we(e,t){T.__h&&T.__h(x,e,ae||t),ae=0;var n=x.__H||(x.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function v(e){return ae=1,Ct(Je,e)}function Ct(e,t,n){var s=we(G++,2);if(s.t=e,!s.__c&&(s.__=[n?n(t):Je(void 0,t),function(c){var d=s.__N?s.__N[0]:s.__[0],l=s.t(d,c);d!==l&&(s.__N=[l,s.__[1]],s.__c.setState({}))}],s.__c=x,!x.__f)){var a=function(c,d,l){if(!s.__c.__H)return!0;var p=!1,f=s.__c.props!==c;if(s.__c.__H.__.some(function(_){if(_.__N){p=!0;var y=_.__[0];_.__=_.__N,_.__N=void 0,y!==_.__[0]&&(f=!0)}}),i){var o=i.call(this,c,d,l);return p?o||f:o}return!p||f};x.__f=!0;var i=x.shouldComponentUpdate,u=x.componentWillUpdate;x.componentWillUpdate=function(c,d,l){if(this.__e){var p=i;i=void 0,a(c,d,l),i=p}u&&u.call(this,c,d,l)},x.shouldComponentUpdate=a}return s.__N||s.__}function A(e,t){var n=we(G++,3);!T.__s&&Ye(n.__H,t)&&(n.__=e,n.u=t,x.__H.__h.push(n))}function H(e){return ae=5,$t(function(){return{current:e}},[])}function $t(e,t){var n=we(G++,7);return Ye(n.__H,t)&&(n.__=e(),n.__H=t,n.__h=e),n.__}function Dt(){for(var e;e=Ge.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(oe),t.__h.some(be),t.__h=[]}catch(n){t.__h=[],T.__e(n,e.__v)}}}T.__b=function(e){x=null,Qe&&Qe(e)},T.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),ze&&ze(e,t)},T.__r=function(e){Ve&&Ve(e),G=0;var t=(x=e.__c).__H;t&&(ve===x?(t.__h=[],x.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(t.__h.some(oe),t.__h.some(be),t.__h=[],G=0)),ve=x},T.diffed=function(e){Oe&&Oe(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(Ge.push(t)!==1&&He===T.requestAnimationFrame||((He=T.requestAnimationFrame)||Nt)(Dt)),t.__H.__.some(function(n){n.u&&(n.__H=n.u,n.u=void 0)})),ve=x=null},T.__c=function(e,t){t.some(function(n){try{n.__h.some(oe),n.__h=n.__h.filter(function(s){return!s.__||be(s)})}catch(s){t.some(function(a){a.__h&&(a.__h=[])}),t=[],T.__e(s,n.__v)}}),Ke&&Ke(e,t)},T.unmount=function(e){We&&We(e);var t,n=e.__c;n&&n.__H&&(n.__H.__.some(function(s){try{oe(s)}catch(a){t=a}}),n.__H=void 0,t&&T.__e(t,n.__v))};var je=typeof requestAnimationFrame=="function";function Nt(e){var t,n=function(){clearTimeout(s),je&&cancelAnimationFrame(t),setTimeout(e)},s=setTimeout(n,35);je&&(t=requestAnimationFrame(n))}function oe(e){var t=x,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),x=t}function be(e){var t=x;e.__c=e.__(),x=t}function Ye(e,t){return!e||e.length!==t.length||t.some(function(n,s){return n!==e[s]})}function Je(e,t){return typeof t=="function"?t(e):t}var Ut=0;function r(e,t,n,s,a,i){t||(t={});var u,c,d=t;if("ref"in d)for(c in d={},t)c=="ref"?u=t[c]:d[c]=t[c];var l={type:e,props:d,key:n,ref:u,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--Ut,__i:-1,__u:0,__source:a,__self:i};if(typeof e=="function"&&(u=e.defaultProps))for(c in u)d[c]===void 0&&(d[c]=u[c]);return S.vnode&&S.vnode(l),l}function Xe(){let[e,t]=v("");return r(w,{children:[r("h1",{children:"debrief"}),r("p",{class:"lead",children:"Asynchronous interviews: candidates answer questions by voice, in their own time; debrief stores each answer compactly, transcribes and analyses it, and shows interviewers the results."}),r("section",{"aria-labelledby":"take",children:[r("h2",{id:"take",children:"Take an interview"}),r("p",{children:"If you were sent a link, open it. For a public interview, enter its key."}),r("form",{class:"inline",onSubmit:n=>{n.preventDefault(),e.trim()&&location.assign(`/interview/${encodeURIComponent(e.trim())}`)},children:[r("label",{for:"interview-key",children:"Interview key"}),r("input",{id:"interview-key",value:e,onInput:n=>t(n.currentTarget.value),required:!0}),r("button",{type:"submit",children:"Open"})]})]}),r("section",{"aria-labelledby":"review",children:[r("h2",{id:"review",children:"Review answers"}),r("p",{children:["Interviewers: ",r("a",{href:"/review",children:"review sessions"})," with your API key."]})]}),r("section",{"aria-labelledby":"develop",children:[r("h2",{id:"develop",children:"Build on it"}),r("p",{children:["Everything here uses the public GraphQL API: explore it in the"," ",r("a",{href:"/graphql",children:"GraphQL explorer"})," (works offline). Health: ",r("a",{href:"/healthz",children:"/healthz"}),"."]})]})]})}var M=class extends Error{};function Mt(e){let t={"Content-Type":"application/json"};return e&&(t.Authorization=`Bearer ${e}`),t}function Ze(e){if(e.errors?.length)throw new M(e.errors.map(t=>t.message).join("; "));if(!e.data)throw new M("The server sent no data.");return e.data}async function $(e,t,n){let s=await fetch("/graphql",{method:"POST",headers:Mt(n),body:JSON.stringify({query:e.toString(),variables:t})});if(!s.ok&&s.status!==400)throw new M(`The server answered HTTP ${s.status}.`);return Ze(await s.json())}var K=class extends Error{};function et(e,t,n,s,a,i){let u=new FormData;return u.append("operations",JSON.stringify({query:e.toString(),variables:t})),u.append("map",JSON.stringify({0:["variables.file"]})),u.append("0",n,s),new Promise((c,d)=>{let l=new XMLHttpRequest;l.open("POST","/graphql"),l.setRequestHeader("Authorization",`Bearer ${a}`),l.upload.onprogress=p=>{p.lengthComputable&&i(p.loaded/p.total)},l.onerror=()=>d(new K("The upload was interrupted.")),l.ontimeout=()=>d(new K("The upload timed out.")),l.onload=()=>{if(l.status===429||l.status>=500){d(new K(`The server answered HTTP ${l.status}.`));return}try{c(Ze(JSON.parse(l.responseText)))}catch(p){d(p instanceof M?p:new M(`HTTP ${l.status}`))}},l.send(u)})}async function tt(e,{tries:t=4,firstDelayMs:n=1e3}={}){for(let s=1;;s++)try{return await e(s)}catch(a){if(!(a instanceof K)||s>=t)throw a;await new Promise(i=>setTimeout(i,n*2**(s-1)))}}var D=class extends String{__apiType;value;__meta__;constructor(t,n){super(t),this.value=t,this.__meta__=n}toString(){return this.value}},nt=new D(`
    query CandidateSession($id: ID!) {
  session(id: $id) {
    id
    status
    candidateName
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
    `),rt=new D(`
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
    `),st=new D(`
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
    `),it=new D(`
    query PublicInterview($key: String!) {
  interview(key: $key) {
    key
    title
    questions {
      id
    }
  }
}
    `),ot=new D(`
    mutation StartPublicSession($interviewKey: String!, $candidateName: String, $candidateEmail: String) {
  startSession(
    interviewKey: $interviewKey
    candidateName: $candidateName
    candidateEmail: $candidateEmail
  ) {
    __typename
    ... on StartSessionResult {
      uploadToken
      session {
        id
      }
    }
    ... on UserError {
      message
    }
  }
}
    `),at=new D(`
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
    `),ut=new D(`
    query ReviewSession($id: ID!) {
  session(id: $id) {
    id
    status
    candidateName
    createdAt
    submittedAt
    failureReason
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
    }
  }
}
    `),lt=new D(`
    query SessionCost($interviewKey: String!) {
  costReport(interviewKey: $interviewKey) {
    sessionCosts {
      sessionId
      costUsd
    }
    pricesAsOf
  }
}
    `),ct=new D(`
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
    `);function dt({children:e}){return r(w,{children:[r("a",{class:"skip",href:"#main",children:"Skip to content"}),r("header",{class:"site",children:[r("a",{class:"brand",href:"/",children:"debrief"}),r("nav",{"aria-label":"Site",children:[r("a",{href:"/review",children:"Review"}),r("a",{href:"/graphql",children:"GraphQL explorer"})]})]}),r("main",{id:"main",tabIndex:-1,children:e})]})}function Y({children:e,level:t=1}){let n=H(null);return A(()=>n.current?.focus(),[]),r(t===1?"h1":"h2",{ref:n,tabIndex:-1,children:e})}function N({message:e}){return r("p",{class:"error",role:"alert",children:e??""})}function q(e){if(e==null)return"—";let t=Math.max(0,Math.round(e));return`${Math.floor(t/60)}:${String(t%60).padStart(2,"0")}`}function ue(e){return e<1024?`${e} B`:`${(e/1024).toFixed(1)} KB`}function le(e){return e?new Date(e).toLocaleString():"—"}function ce(e){return e.replace(/_/g," ").toLowerCase()}function qt(e,t){return`/record#token=${encodeURIComponent(e)}&session=${encodeURIComponent(t)}`}function _t({interviewKey:e}){let[t,n]=v(void 0),[s,a]=v(""),[i,u]=v(""),[c,d]=v(null),[l,p]=v(!1);if(A(()=>{$(it,{key:e},null).then(_=>n(_.interview)).catch(_=>d(_.message))},[e]),t===void 0)return r("p",{"aria-busy":"true",children:c??"Loading the interview…"});if(t===null)return r(w,{children:[r("h1",{children:"Interview not found"}),r("p",{children:["There is no public interview with the key “",e,"”. If you were invited, use the link in your invitation."]})]});let f=async _=>{_.preventDefault(),p(!0),d(null);try{let{startSession:y}=await $(ot,{interviewKey:e,candidateName:s||null,candidateEmail:i||null},null);if(y.__typename!=="StartSessionResult"){d(y.message);return}location.assign(qt(y.uploadToken,y.session.id))}catch(y){d(y.message)}finally{p(!1)}},o=t.questions.length;return r(w,{children:[r("h1",{children:t.title}),r("p",{children:[o," question",o===1?"":"s",", answered by voice. You will need a microphone; you can listen to each answer before you send it."]}),r("form",{class:"stack",onSubmit:f,children:[r("label",{for:"candidate-name",children:"Your name"}),r("input",{id:"candidate-name",autocomplete:"name",value:s,required:!0,onInput:_=>a(_.currentTarget.value)}),r("label",{for:"candidate-email",children:"Email (optional)"}),r("input",{id:"candidate-email",type:"email",autocomplete:"email",value:i,onInput:_=>u(_.currentTarget.value)}),r("button",{type:"submit",disabled:l,children:l?"Starting…":"Start the interview"})]}),r(N,{message:c})]})}var Lt=["audio/ogg;codecs=opus","audio/webm;codecs=opus"];function pt(){let e=document.querySelector('meta[name="debrief-recorder-bitrate-bps"]'),t=Number(e?.content);return Number.isFinite(t)&&t>0?t:12e3}function mt(){return typeof MediaRecorder>"u"?null:Lt.find(e=>MediaRecorder.isTypeSupported(e))??null}var Q=class extends Error{};async function ft(){if(!navigator.mediaDevices?.getUserMedia)throw new Q("This browser cannot record audio here. Use a current browser over https or localhost.");try{return await navigator.mediaDevices.getUserMedia({audio:{channelCount:1,echoCancellation:!0,noiseSuppression:!0}})}catch(e){let t=e instanceof DOMException?e.name:"";throw t==="NotAllowedError"||t==="SecurityError"?new Q("Microphone access was refused. Allow the microphone for this site in your browser's settings, then press “Allow microphone” again."):t==="NotFoundError"?new Q("No microphone was found. Connect one and try again."):new Q(`The microphone could not be opened (${t||"unknown error"}).`)}}var de=class{recorder;chunks=[];startedAt=performance.now();finished;constructor(t,n,s){this.recorder=new MediaRecorder(t,{mimeType:n,audioBitsPerSecond:s}),this.finished=new Promise((a,i)=>{this.recorder.ondataavailable=u=>{u.data.size>0&&this.chunks.push(u.data)},this.recorder.onerror=()=>i(new Error("The recording failed.")),this.recorder.onstop=()=>a({blob:new Blob(this.chunks,{type:n}),mimeType:n,durationS:(performance.now()-this.startedAt)/1e3})}),this.recorder.start()}stop(){return this.recorder.state!=="inactive"&&this.recorder.stop(),this.finished}};function Ft(e){let t=new URLSearchParams(e.replace(/^#/,""));return{token:t.get("token"),sessionId:t.get("session")}}function Bt(){return crypto.randomUUID?.()??`${Date.now()}-${Math.random().toString(16).slice(2)}`}function yt(){let{token:e,sessionId:t}=Ft(location.hash),[n,s]=v(void 0),[a,i]=v(null),[u,c]=v(!1);return A(()=>{!e||!t||$(nt,{id:t},e).then(d=>s(d.session)).catch(d=>i(d.message))},[e,t]),!e||!t?r(w,{children:[r("h1",{children:"Recording link incomplete"}),r("p",{children:"This page needs the whole link you were given (it ends with your token)."})]}):n===void 0?r("p",{"aria-busy":"true",children:a??"Loading your interview…"}):n===null?r(w,{children:[r("h1",{children:"Link not valid"}),r("p",{children:"This recording link has expired or is not valid. Ask the interviewer for a new one."})]}):u||n.status!=="IN_PROGRESS"?r(w,{children:[r(Y,{children:"Thank you"}),r("p",{children:["Your answers to “",n.interview.title,"” have been sent. You can close this page."]})]}):r(Ht,{session:n,token:e,onSubmitted:()=>c(!0)})}function Ht({session:e,token:t,onSubmitted:n}){let s=[...e.interview.questions].sort((g,P)=>g.position-P.position),[a,i]=v(()=>Object.fromEntries(e.recordings.map(g=>[g.question.id,{uploads:1}]))),[u,c]=v(()=>{let g=s.findIndex(P=>!(P.id in a));return g===-1?s.length-1:g}),[d,l]=v(null),[p,f]=v(null),[o,_]=v(null),[y,m]=v(!1),b=mt(),k=async()=>{if(d)return d;f(null);try{let g=await ft();return l(g),g}catch(g){return f(g instanceof Q?g.message:String(g)),null}};A(()=>()=>d?.getTracks().forEach(g=>g.stop()),[d]);let h=s[u],R=s.filter(g=>g.id in a).length,E=async()=>{m(!0),_(null);try{let{submitSession:g}=await $(st,{sessionId:e.id},t);g.__typename==="Session"?n():_(g.message)}catch(g){_(g.message)}finally{m(!1)}};return b?r(w,{children:[r("h1",{children:e.interview.title}),r("p",{children:[R," of ",s.length," answered."," ",e.interview.maxRetakes>0?`You may retake each answer ${e.interview.maxRetakes===1?"once":`${e.interview.maxRetakes} times`} after sending it.`:"Each answer can be sent once."]}),!d&&r("section",{class:"card","aria-labelledby":"mic-heading",children:[r("h2",{id:"mic-heading",children:"Microphone"}),r("p",{children:"Your browser will ask to use the microphone. Nothing is recorded until you press Record."}),r("button",{type:"button",onClick:k,children:"Allow microphone"}),r(N,{message:p})]}),r(Qt,{question:h,number:u+1,total:s.length,answer:a[h.id],maxRetakes:e.interview.maxRetakes,sessionId:e.id,token:t,mimeType:b,microphone:d,allowMicrophone:k,onUploaded:g=>i(P=>({...P,[h.id]:{uploads:(P[h.id]?.uploads??0)+1,sizeBytes:g}}))},h.id),r("nav",{class:"pager","aria-label":"Questions",children:[r("button",{type:"button",disabled:u===0,onClick:()=>c(u-1),children:"Previous question"}),u<s.length-1?r("button",{type:"button",disabled:!(h.id in a),onClick:()=>c(u+1),children:"Next question"}):r("button",{type:"button",class:"primary",disabled:R<s.length||y,onClick:E,children:y?"Submitting…":"Submit interview"})]}),r(N,{message:o})]}):r(w,{children:[r("h1",{children:e.interview.title}),r(N,{message:"This browser cannot record Opus audio. Please use a current Chrome, Edge or Firefox."})]})}function Qt(e){let{question:t,answer:n,maxRetakes:s}=e,[a,i]=v("idle"),[u,c]=v(null),[d,l]=v(null),[p,f]=v(0),[o,_]=v(0),[y,m]=v(""),[b,k]=v(null),h=H(null),R=H(0),E=t.timeLimitSeconds,g=n?s-(n.uploads-1):null,P=!n||(g??0)>0;A(()=>()=>{d&&URL.revokeObjectURL(d)},[d]);let W=async()=>{let I=h.current;if(!I)return;h.current=null;let L=await I.stop();c(L),l(URL.createObjectURL(L.blob)),i("preview"),m(`Recorded ${q(L.durationS)}. Listen, then send it or record again.`)};A(()=>{if(a!=="recording")return;let I=setInterval(()=>{let L=(performance.now()-R.current)/1e3;f(L),E!=null&&L>=E&&W()},250);return()=>clearInterval(I)},[a]);let V=async()=>{k(null);let I=e.microphone??await e.allowMicrophone();I&&(h.current=new de(I,e.mimeType,pt()),R.current=performance.now(),f(0),c(null),l(null),i("recording"),m("Recording…"))},z=async()=>{if(!u)return;let I=Bt(),L=u.mimeType.includes("ogg")?"ogg":"webm";i("uploading"),_(0),k(null);try{let{uploadRecording:F}=await tt(xe=>(m(xe===1?"Uploading…":`Upload failed; trying again (attempt ${xe})…`),et(rt,{sessionId:e.sessionId,questionId:t.id,file:null,idempotencyKey:I},u.blob,`answer-${e.number}.${L}`,e.token,_)));if(F.__typename!=="Recording"){k(F.message),i("preview"),m("");return}e.onUploaded(F.sizeBytes),i("idle"),c(null),l(null),m(`Answer ${e.number} saved (${ue(F.sizeBytes)}).`)}catch(F){k(F instanceof M?F.message:`The upload failed: ${F.message}`),i("preview"),m("")}},C=E!=null?Math.max(0,E-p):null;return r("section",{class:"card question","aria-labelledby":`q-${t.id}`,children:[r(Y,{level:2,children:r("span",{id:`q-${t.id}`,children:["Question ",e.number," of ",e.total]})}),r("p",{class:"question-text",children:t.text}),r("p",{class:"hint",children:[E!=null?`Time limit: ${q(E)}.`:"No time limit."," ",n?g&&g>0?`Answer sent; ${g} retake${g===1?"":"s"} left.`:"Answer sent; no retakes left.":"Not answered yet."]}),a==="recording"&&r("div",{class:"recording",children:[r("span",{class:"dot","aria-hidden":"true"}),r("span",{role:"timer","aria-live":"off",children:C!=null?`${q(C)} left`:q(p)}),r("button",{type:"button",class:"primary",onClick:W,children:"Stop recording"})]}),a==="idle"&&P&&r("button",{type:"button",class:"primary",onClick:V,children:n?"Retake answer":"Record answer"}),a==="preview"&&d&&r("div",{class:"preview",children:[r("audio",{controls:!0,src:d,"aria-label":`Your answer to question ${e.number}`}),r("div",{class:"actions",children:[r("button",{type:"button",class:"primary",onClick:z,children:"Send answer"}),r("button",{type:"button",onClick:V,children:"Discard and record again"})]})]}),a==="uploading"&&r("div",{class:"upload",children:[r("label",{for:`progress-${t.id}`,children:"Upload progress"}),r("progress",{id:`progress-${t.id}`,max:1,value:o,children:[Math.round(o*100),"%"]})]}),r("p",{class:"status",role:"status",children:y}),r(N,{message:b})]})}function Se(e,t,{done:n,onError:s,intervalMs:a=3e3}={}){let i,u=!1,c=async()=>{clearTimeout(i);try{let l=await e();if(u||(t(l),n?.(l)))return}catch(l){if(u)return;s?.(l)}let d=document.hidden?a*5:a;i=setTimeout(c,d)};return c(),{stop(){u=!0,clearTimeout(i)},refresh(){u||c()}}}var ke="debrief.apiKey",gt="debrief.recentInterviews",ht=new Set(["COMPLETE","FAILED","EXPIRED"]);function vt(){let[e,t]=v(()=>sessionStorage.getItem(ke));if(!e)return r(Vt,{onKey:u=>{sessionStorage.setItem(ke,u),t(u)}});let n=new URLSearchParams(location.search),s=n.get("interview"),a=n.get("session");return r(w,{children:[r("div",{class:"toolbar",children:r("button",{type:"button",onClick:()=>{sessionStorage.removeItem(ke),t(null)},children:"Forget API key"})}),a?r(zt,{apiKey:e,sessionId:a}):s?r(Wt,{apiKey:e,interviewKey:s}):r(Kt,{})]})}function Vt({onKey:e}){let[t,n]=v("");return r(w,{children:[r("h1",{children:"Review interviews"}),r("form",{class:"stack",onSubmit:s=>{s.preventDefault(),t.trim()&&e(t.trim())},children:[r("label",{for:"api-key",children:"Interviewer API key"}),r("input",{id:"api-key",type:"password",autocomplete:"off",value:t,required:!0,"aria-describedby":"api-key-hint",onInput:s=>n(s.currentTarget.value)}),r("p",{id:"api-key-hint",class:"hint",children:"Starts with dbk_. Kept in this tab only (sessionStorage) until you close it."}),r("button",{type:"submit",children:"Continue"})]})]})}function bt(){try{return JSON.parse(sessionStorage.getItem(gt)??"[]")}catch{return[]}}function Ot(e){let t=[e,...bt().filter(n=>n!==e)].slice(0,10);sessionStorage.setItem(gt,JSON.stringify(t))}function Kt(){let[e,t]=v(""),n=bt();return r(w,{children:[r("h1",{children:"Interviews"}),r("form",{class:"inline",onSubmit:s=>{s.preventDefault(),e.trim()&&location.assign(`/review?interview=${encodeURIComponent(e.trim())}`)},children:[r("label",{for:"review-interview-key",children:"Interview key"}),r("input",{id:"review-interview-key",value:e,required:!0,onInput:s=>t(s.currentTarget.value)}),r("button",{type:"submit",children:"Show sessions"})]}),n.length>0&&r("section",{"aria-labelledby":"recent",children:[r("h2",{id:"recent",children:"Recently opened"}),r("ul",{children:n.map(s=>r("li",{children:r("a",{href:`/review?interview=${encodeURIComponent(s)}`,children:s})},s))})]})]})}function Wt({apiKey:e,interviewKey:t}){let[n,s]=v(void 0),[a,i]=v(null);if(A(()=>{let c=Se(()=>$(at,{key:t,first:50,after:null},e),d=>{s(d.interview),i(null),d.interview&&Ot(t)},{done:d=>d.interview===null,onError:d=>i(d.message)});return()=>c.stop()},[t,e]),n===void 0)return r("p",{"aria-busy":"true",children:a??"Loading sessions…"});if(n===null)return r(w,{children:[r("h1",{children:"Interview not found"}),r("p",{children:["No interview “",t,"” is visible with this API key. ",r("a",{href:"/review",children:"Choose another"}),"."]})]});let u=n.sessions.nodes;return r(w,{children:[r("nav",{"aria-label":"Breadcrumb",children:[r("a",{href:"/review",children:"Interviews"})," › ",n.key]}),r("h1",{children:n.title}),r("p",{children:[n.questions.length," questions · ",u.length," sessions · status updates live"]}),u.length===0?r("p",{children:"No sessions yet."}):r("table",{children:[r("caption",{children:["Sessions of ",n.title]}),r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Candidate"}),r("th",{scope:"col",children:"Status"}),r("th",{scope:"col",children:"Started"}),r("th",{scope:"col",children:"Submitted"})]})}),r("tbody",{children:u.map(c=>r("tr",{children:[r("td",{children:r("a",{href:`/review?interview=${encodeURIComponent(n.key)}&session=${encodeURIComponent(c.id)}`,children:c.candidateName??"Unnamed candidate"})}),r("td",{children:r("span",{class:`badge ${c.status.toLowerCase()}`,children:ce(c.status)})}),r("td",{children:le(c.createdAt)}),r("td",{children:le(c.submittedAt)})]},c.id))})]}),r(N,{message:a})]})}function zt({apiKey:e,sessionId:t}){let[n,s]=v(void 0),[a,i]=v(void 0),[u,c]=v(null);A(()=>{let f=Se(()=>$(ut,{id:t},e),o=>{s(o.session),c(null)},{done:o=>o.session===null||ht.has(o.session.status),onError:o=>c(o.message)});return()=>f.stop()},[t,e]);let d=n?ht.has(n.status):!1,l=n?.interview.key;if(A(()=>{l&&$(lt,{interviewKey:l},e).then(f=>i(f.costReport.sessionCosts.find(o=>o.sessionId===t)?.costUsd??0)).catch(()=>i(null))},[l,d]),n===void 0)return r("p",{"aria-busy":"true",children:u??"Loading the session…"});if(n===null)return r(w,{children:[r("h1",{children:"Session not found"}),r("p",{children:["No such session is visible with this API key. ",r("a",{href:"/review",children:"Back to interviews"}),"."]})]});let p=[...n.recordings].sort((f,o)=>f.question.position-o.question.position);return r(w,{children:[r("nav",{"aria-label":"Breadcrumb",children:[r("a",{href:"/review",children:"Interviews"})," ›"," ",r("a",{href:`/review?interview=${encodeURIComponent(n.interview.key)}`,children:n.interview.title})," ›"," ",n.candidateName??"Unnamed candidate"]}),r(Y,{children:n.candidateName??"Unnamed candidate"}),r("dl",{class:"facts",children:[r("dt",{children:"Status"}),r("dd",{"aria-live":"polite",children:r("span",{class:`badge ${n.status.toLowerCase()}`,children:ce(n.status)})}),r("dt",{children:"Submitted"}),r("dd",{children:le(n.submittedAt)}),r("dt",{children:"Measured cost"}),r("dd",{children:a===void 0?"…":a===null?"unavailable":`$${a.toFixed(4)}`})]}),n.failureReason&&r(N,{message:n.failureReason}),n.analysis&&r("section",{class:"card","aria-labelledby":"overall",children:[r("h2",{id:"overall",children:"Overall analysis"}),r("p",{children:[n.analysis.score!=null&&r("strong",{children:["Score ",n.analysis.score.toFixed(1),". "]}),n.analysis.recommendation&&r(w,{children:["Recommendation: ",n.analysis.recommendation,". "]}),n.analysis.summary]}),r("p",{class:"hint",children:["By ",n.analysis.provider,n.analysis.model?` (${n.analysis.model})`:"","."]})]}),r("p",{class:"hint",children:"Audio is fetched only when you press Play: each press asks the server for one short-lived signed link. Everything else on this page comes from the database."}),p.map(f=>r(jt,{answer:f,apiKey:e},f.id)),r(N,{message:u})]})}function jt({answer:e,apiKey:t}){let n=H(null),[s,a]=v(null),[i,u]=v(null),[c,d]=v(!1),l=H(null),p=e.question.position,f=async()=>{if(s)return!0;d(!0);try{let{recording:m}=await $(ct,{id:e.id},t),b=m?.downloadUrl;return b?.__typename==="DownloadUrl"?(a(b.url),!0):(u(b?.__typename==="ArchivedRecording"?`This answer is archived (${b.storageClass}, restore ${b.restoreStatus}).`:"The recording is no longer available."),!1)}catch(m){return u(m.message),!1}finally{d(!1)}};A(()=>{let m=n.current;!s||!m||(l.current!=null&&(m.currentTime=l.current),l.current=null,m.play().catch(()=>{}),m.focus())},[s]);let o=()=>{f()},_=async m=>{if(!s){l.current=m,await f();return}let b=n.current;b&&(b.currentTime=m,b.play().catch(()=>{}))},y=e.analysis?.metrics;return r("section",{class:"card answer","aria-labelledby":`answer-${e.id}`,children:[r("h2",{id:`answer-${e.id}`,children:["Question ",p,": ",e.question.text]}),r("p",{class:"hint",children:[ce(e.status)," · ",q(e.durationSeconds)," · ",ue(e.sizeBytes)," ",e.codec]}),s?r("audio",{ref:n,controls:!0,src:s,"aria-label":`Answer to question ${p}`}):r("button",{type:"button",onClick:o,disabled:c,children:c?"Fetching audio…":`Play answer ${p}`}),i&&r("p",{role:"status",children:i}),e.transcript?r("div",{class:"transcript",children:[r("h3",{children:"Transcript"}),r("ol",{class:"segments","aria-label":`Transcript of answer ${p}; press a line to hear it`,children:e.transcript.segments.map((m,b)=>r("li",{children:r("button",{type:"button",class:"segment",onClick:()=>{_(m.start)},children:[r("span",{class:"time",children:q(m.start)})," ",m.text.trim()]})},b))}),r("p",{class:"hint",children:["By ",e.transcript.provider," (",e.transcript.model,")."]})]}):r("p",{class:"hint",children:["Transcript: ",e.status==="FAILED"?"failed":"pending…"]}),y&&r("dl",{class:"metrics","aria-label":`Speech metrics of answer ${p}`,children:[r("dt",{children:"Words per minute"}),r("dd",{children:y.wordsPerMinute.toFixed(0)}),r("dt",{children:"Filler rate"}),r("dd",{children:[(y.fillerRate*100).toFixed(1),"%"]}),r("dt",{children:"Speech"}),r("dd",{children:q(y.speechSeconds)}),r("dt",{children:"Words"}),r("dd",{children:y.wordCount})]}),e.analysis?.summary&&r("div",{class:"analysis",children:[r("h3",{children:"Analysis"}),r("p",{children:[e.analysis.score!=null&&r("strong",{children:["Score ",e.analysis.score.toFixed(1),". "]}),e.analysis.summary]}),e.analysis.strengths.length>0&&r(w,{children:[r("h4",{children:"Strengths"}),r("ul",{children:e.analysis.strengths.map(m=>r("li",{children:m},m))})]}),e.analysis.concerns.length>0&&r(w,{children:[r("h4",{children:"Concerns"}),r("ul",{children:e.analysis.concerns.map(m=>r("li",{children:m},m))})]})]})]})}function Gt(e){let t=/^\/interview\/([^/]+)\/?$/.exec(e);return t?r(_t,{interviewKey:decodeURIComponent(t[1])}):e==="/record"?r(yt,{}):e==="/review"?r(vt,{}):r(Xe,{})}var wt=document.getElementById("app");wt&&Be(r(dt,{children:Gt(location.pathname)}),wt);
