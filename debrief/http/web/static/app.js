var ie,S,Pe,kt,B,Te,Ae,Ce,_e,X,j,$e,fe,pe,me,xt,te={},ne=[],Tt=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,se=Array.isArray;function U(e,t){for(var n in t)e[n]=t[n];return e}function he(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function Rt(e,t,n){var i,a,s,u={};for(s in t)s=="key"?i=t[s]:s=="ref"?a=t[s]:u[s]=t[s];if(arguments.length>2&&(u.children=arguments.length>3?ie.call(arguments,2):n),typeof e=="function"&&e.defaultProps!=null)for(s in e.defaultProps)u[s]===void 0&&(u[s]=e.defaultProps[s]);return Z(e,u,i,a,null)}function Z(e,t,n,i,a){var s={type:e,props:t,key:n,ref:i,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:a??++Pe,__i:-1,__u:0};return a==null&&S.vnode!=null&&S.vnode(s),s}function w(e){return e.children}function ee(e,t){this.props=e,this.context=t}function O(e,t){if(t==null)return e.__?O(e.__,e.__i+1):null;for(var n;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null)return n.__e;return typeof e.type=="function"?O(e):null}function It(e){if(e.__P&&e.__d){var t=e.__v,n=t.__e,i=[],a=[],s=U({},t);s.__v=t.__v+1,S.vnode&&S.vnode(s),ye(e.__P,s,t,e.__n,e.__P.namespaceURI,32&t.__u?[n]:null,i,n??O(t),!!(32&t.__u),a),s.__v=t.__v,s.__.__k[s.__i]=s,qe(i,s,a),t.__e=t.__=null,s.__e!=n&&De(s)}}function De(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),De(e)}function Re(e){(!e.__d&&(e.__d=!0)&&B.push(e)&&!re.__r++||Te!=S.debounceRendering)&&((Te=S.debounceRendering)||Ae)(re)}function re(){try{for(var e,t=1;B.length;)B.length>t&&B.sort(Ce),e=B.shift(),t=B.length,It(e)}finally{B.length=re.__r=0}}function Ne(e,t,n,i,a,s,u,c,d,l,p){var f,o,_,h,m,b,k=i&&i.__k||ne,y=t.length;for(d=Et(n,t,k,d,y),f=0;f<y;f++)(_=n.__k[f])!=null&&(o=_.__i!=-1&&k[_.__i]||te,_.__i=f,b=ye(e,_,o,a,s,u,c,d,l,p),h=_.__e,_.ref&&o.ref!=_.ref&&(o.ref&&ge(o.ref,null,_),p.push(_.ref,_.__c||h,_)),m==null&&h!=null&&(m=h),4&_.__u?(d=Ue(_,d,e),o.__e&&(o.__e=null)):typeof _.type=="function"&&b!==void 0?d=b:h&&(d=h.nextSibling),_.__u&=-7);return n.__e=m,d}function Et(e,t,n,i,a){var s,u,c,d,l,p=n.length,f=p,o=0;for(e.__k=new Array(a),s=0;s<a;s++)(u=t[s])!=null&&typeof u!="boolean"&&typeof u!="function"?(typeof u=="string"||typeof u=="number"||typeof u=="bigint"||u.constructor==String?u=e.__k[s]=Z(null,u,null,null,null):se(u)?u=e.__k[s]=Z(w,{children:u},null,null,null):u.constructor===void 0&&u.__b>0?u=e.__k[s]=Z(u.type,u.props,u.key,u.ref?u.ref:null,u.__v):e.__k[s]=u,d=s+o,u.__=e,u.__b=e.__b+1,c=null,(l=u.__i=Pt(u,n,d,f))!=-1&&(f--,(c=n[l])&&(c.__u|=2)),c==null||c.__v==null?(l==-1&&(a>p?o--:a<p&&o++),typeof u.type!="function"&&(u.__u|=4)):l!=d&&(l==d-1?o--:l==d+1?o++:(l>d?o--:o++,u.__u|=4))):e.__k[s]=null;if(f)for(s=0;s<p;s++)(c=n[s])!=null&&(2&c.__u)==0&&(c.__e==i&&(i=O(c)),Fe(c,c));return i}function Ue(e,t,n){var i,a;if(typeof e.type=="function"){for(i=e.__k,a=0;i&&a<i.length;a++)i[a]&&(i[a].__=e,t=Ue(i[a],t,n));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=O(e)),t=n.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function Pt(e,t,n,i){var a,s,u,c=e.key,d=e.type,l=t[n],p=l!=null&&(2&l.__u)==0;if(l===null&&c==null||p&&c==l.key&&d==l.type)return n;if(i>(p?1:0)){for(a=n-1,s=n+1;a>=0||s<t.length;)if((l=t[u=a>=0?a--:s++])!=null&&(2&l.__u)==0&&c==l.key&&d==l.type)return u}return-1}function Ie(e,t,n){t[0]=="-"?e.setProperty(t,n??""):e[t]=n==null?"":typeof n!="number"||Tt.test(t)?n:n+"px"}function J(e,t,n,i,a){var s,u;e:if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof i=="string"&&(e.style.cssText=i=""),i)for(t in i)n&&t in n||Ie(e.style,t,"");if(n)for(t in n)i&&n[t]==i[t]||Ie(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")s=t!=(t=t.replace($e,"$1")),u=t.toLowerCase(),t=u in e||t=="onFocusOut"||t=="onFocusIn"?u.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+s]=n,n?i?n[j]=i[j]:(n[j]=fe,e.addEventListener(t,s?me:pe,s)):e.removeEventListener(t,s?me:pe,s);else{if(a=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=n??"";break e}catch{}typeof n=="function"||(n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n))}}function Ee(e){return function(t){if(this.l){var n=this.l[t.type+e];if(t[X]==null)t[X]=fe++;else if(t[X]<n[j])return;return n(S.event?S.event(t):t)}}}function ye(e,t,n,i,a,s,u,c,d,l){var p,f,o,_,h,m,b,k,y,R,E,g,P,W,V,z,C=t.type;if(t.constructor!==void 0)return null;128&n.__u&&(d=!!(32&n.__u),s=[c=t.__e=n.__e]),(p=S.__b)&&p(t);e:if(typeof C=="function"){f=u.length;try{if(y=t.props,R=C.prototype&&C.prototype.render,E=(p=C.contextType)&&i[p.__c],g=p?E?E.props.value:p.__:i,n.__c?k=(o=t.__c=n.__c).__=o.__E:(R?t.__c=o=new C(y,g):(t.__c=o=new ee(y,g),o.constructor=C,o.render=Ct),E&&E.sub(o),o.state||(o.state={}),o.__n=i,_=o.__d=!0,o.__h=[],o._sb=[]),R&&o.__s==null&&(o.__s=o.state),R&&C.getDerivedStateFromProps!=null&&(o.__s==o.state&&(o.__s=U({},o.__s)),U(o.__s,C.getDerivedStateFromProps(y,o.__s))),h=o.props,m=o.state,o.__v=t,_)R&&C.getDerivedStateFromProps==null&&o.componentWillMount!=null&&o.componentWillMount(),R&&o.componentDidMount!=null&&o.__h.push(o.componentDidMount);else{if(R&&C.getDerivedStateFromProps==null&&y!==h&&o.componentWillReceiveProps!=null&&o.componentWillReceiveProps(y,g),t.__v==n.__v||!o.__e&&o.shouldComponentUpdate!=null&&o.shouldComponentUpdate(y,o.__s,g)===!1){t.__v!=n.__v&&(o.props=y,o.state=o.__s,o.__d=!1),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(I){I&&(I.__=t)}),ne.push.apply(o.__h,o._sb),o._sb=[],o.__h.length&&u.push(o),c=O(n);break e}o.componentWillUpdate!=null&&o.componentWillUpdate(y,o.__s,g),R&&o.componentDidUpdate!=null&&o.__h.push(function(){o.componentDidUpdate(h,m,b)})}if(o.context=g,o.props=y,o.__P=e,o.__e=!1,P=S.__r,W=0,R)o.state=o.__s,o.__d=!1,P&&P(t),p=o.render(o.props,o.state,o.context),ne.push.apply(o.__h,o._sb),o._sb=[];else do o.__d=!1,P&&P(t),p=o.render(o.props,o.state,o.context),o.state=o.__s;while(o.__d&&++W<25);o.state=o.__s,o.getChildContext!=null&&(i=U(U({},i),o.getChildContext())),R&&!_&&o.getSnapshotBeforeUpdate!=null&&(b=o.getSnapshotBeforeUpdate(h,m)),V=p!=null&&p.type===w&&p.key==null?Le(p.props.children):p,c=Ne(e,se(V)?V:[V],t,n,i,a,s,u,c,d,l),o.base=t.__e,t.__u&=-161,o.__h.length&&u.push(o),k&&(o.__E=o.__=null)}catch(I){if(u.length=f,t.__v=null,d||s!=null){if(I.then){for(t.__u|=d?160:128;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;s!=null&&(s[s.indexOf(c)]=null),t.__e=c}else if(s!=null)for(z=s.length;z--;)he(s[z])}else t.__e=n.__e;t.__k==null&&(t.__k=n.__k||[]),I.then||Me(t),S.__e(I,t,n)}}else s==null&&t.__v==n.__v?(t.__k=n.__k,t.__e=n.__e):c=t.__e=At(n.__e,t,n,i,a,s,u,d,l);return(p=S.diffed)&&p(t),128&t.__u?void 0:c}function Me(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(Me))}function qe(e,t,n){for(var i=0;i<n.length;i++)ge(n[i],n[++i],n[++i]);S.__c&&S.__c(t,e),e.some(function(a){try{e=a.__h,a.__h=[],e.some(function(s){s.call(a)})}catch(s){S.__e(s,a.__v)}})}function Le(e){return typeof e!="object"||e==null||e.__b>0?e:se(e)?e.map(Le):e.constructor!==void 0?null:U({},e)}function At(e,t,n,i,a,s,u,c,d){var l,p,f,o,_,h,m,b=n.props||te,k=t.props,y=t.type;if(y=="svg"?a="http://www.w3.org/2000/svg":y=="math"?a="http://www.w3.org/1998/Math/MathML":a||(a="http://www.w3.org/1999/xhtml"),s!=null){for(l=0;l<s.length;l++)if((_=s[l])&&"setAttribute"in _==!!y&&(y?_.localName==y:_.nodeType==3)){e=_,s[l]=null;break}}if(e==null){if(y==null)return document.createTextNode(k);e=document.createElementNS(a,y,k.is&&k),c&&(S.__m&&S.__m(t,s),c=!1),s=null}if(y==null)b===k||c&&e.data==k||(e.data=k);else{if(s=y=="textarea"&&k.defaultValue!=null?null:s&&ie.call(e.childNodes),!c&&s!=null)for(b={},l=0;l<e.attributes.length;l++)b[(_=e.attributes[l]).name]=_.value;for(l in b)_=b[l],l=="dangerouslySetInnerHTML"?f=_:l=="children"||l in k||l=="value"&&"defaultValue"in k||l=="checked"&&"defaultChecked"in k||J(e,l,null,_,a);for(l in k)_=k[l],l=="children"?o=_:l=="dangerouslySetInnerHTML"?p=_:l=="value"?h=_:l=="checked"?m=_:c&&typeof _!="function"||b[l]===_||J(e,l,_,b[l],a);if(p)c||f&&(p.__html==f.__html||p.__html==e.innerHTML)||(e.innerHTML=p.__html),t.__k=[];else if(f&&(e.innerHTML=""),Ne(t.type=="template"?e.content:e,se(o)?o:[o],t,n,i,y=="foreignObject"?"http://www.w3.org/1999/xhtml":a,s,u,s?s[0]:n.__k&&O(n,0),c,d),s!=null)for(l=s.length;l--;)he(s[l]);c&&y!="textarea"||(l="value",y=="progress"&&h==null?e.removeAttribute("value"):h!=null&&(h!==e[l]||y=="progress"&&!h||y=="option"&&h!=b[l])&&J(e,l,h,b[l],a),l="checked",m!=null&&m!=e[l]&&J(e,l,m,b[l],a))}return e}function ge(e,t,n){try{if(typeof e=="function"){var i=typeof e.__u=="function";i&&e.__u(),i&&t==null||(e.__u=e(t))}else e.current=t}catch(a){S.__e(a,n)}}function Fe(e,t,n){var i,a;if(S.unmount&&S.unmount(e),(i=e.ref)&&(i.current&&i.current!=e.__e||ge(i,null,t)),(i=e.__c)!=null){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(s){S.__e(s,t)}i.base=i.__P=i.__n=null}if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&Fe(i[a],t,n||typeof e.type!="function");n||he(e.__e),e.__c=e.__=e.__e=void 0}function Ct(e,t,n){return this.constructor(e,n)}function Be(e,t,n){var i,a,s,u;t==document&&(t=document.documentElement),S.__&&S.__(e,t),a=(i=typeof n=="function")?null:n&&n.__k||t.__k,s=[],u=[],ye(t,e=(!i&&n||t).__k=Rt(w,null,[e]),a||te,te,t.namespaceURI,!i&&n?[n]:a?null:t.firstChild?ie.call(t.childNodes):null,s,!i&&n?n:a?a.__e:t.firstChild,i,u),qe(s,e,u),e.props.children=null}ie=ne.slice,S={__e:function(e,t,n,i){for(var a,s,u;t=t.__;)if((a=t.__c)&&!a.__)try{if((s=a.constructor)&&s.getDerivedStateFromError!=null&&(a.setState(s.getDerivedStateFromError(e)),u=a.__d),a.componentDidCatch!=null&&(a.componentDidCatch(e,i||{}),u=a.__d),u)return a.__E=a}catch(c){e=c}throw e}},Pe=0,kt=function(e){return e!=null&&e.constructor===void 0},ee.prototype.setState=function(e,t){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=U({},this.state),typeof e=="function"&&(e=e(U({},n),this.props)),e&&U(n,e),e!=null&&this.__v&&(t&&this._sb.push(t),Re(this))},ee.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),Re(this))},ee.prototype.render=w,B=[],Ae=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,Ce=function(e,t){return e.__v.__b-t.__v.__b},re.__r=0,_e=Math.random().toString(8),X="__d"+_e,j="__a"+_e,$e=/(PointerCapture)$|Capture$/i,fe=0,pe=Ee(!1),me=Ee(!0),xt=0;var G,x,ve,He,ae=0,Ge=[],T=S,Qe=T.__b,Ve=T.__r,Oe=T.diffed,Ke=T.__c,We=T.unmount,ze=T.__;function we(e,t){T.__h&&T.__h(x,e,ae||t),ae=0;var n=x.__H||(x.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function v(e){return ae=1,$t(Je,e)}function $t(e,t,n){var i=we(G++,2);if(i.t=e,!i.__c&&(i.__=[n?n(t):Je(void 0,t),function(c){var d=i.__N?i.__N[0]:i.__[0],l=i.t(d,c);d!==l&&(i.__N=[l,i.__[1]],i.__c.setState({}))}],i.__c=x,!x.__f)){var a=function(c,d,l){if(!i.__c.__H)return!0;var p=!1,f=i.__c.props!==c;if(i.__c.__H.__.some(function(_){if(_.__N){p=!0;var h=_.__[0];_.__=_.__N,_.__N=void 0,h!==_.__[0]&&(f=!0)}}),s){var o=s.call(this,c,d,l);return p?o||f:o}return!p||f};x.__f=!0;var s=x.shouldComponentUpdate,u=x.componentWillUpdate;x.componentWillUpdate=function(c,d,l){if(this.__e){var p=s;s=void 0,a(c,d,l),s=p}u&&u.call(this,c,d,l)},x.shouldComponentUpdate=a}return i.__N||i.__}function A(e,t){var n=we(G++,3);!T.__s&&Ye(n.__H,t)&&(n.__=e,n.u=t,x.__H.__h.push(n))}function H(e){return ae=5,Dt(function(){return{current:e}},[])}function Dt(e,t){var n=we(G++,7);return Ye(n.__H,t)&&(n.__=e(),n.__H=t,n.__h=e),n.__}function Nt(){for(var e;e=Ge.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(oe),t.__h.some(be),t.__h=[]}catch(n){t.__h=[],T.__e(n,e.__v)}}}T.__b=function(e){x=null,Qe&&Qe(e)},T.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),ze&&ze(e,t)},T.__r=function(e){Ve&&Ve(e),G=0;var t=(x=e.__c).__H;t&&(ve===x?(t.__h=[],x.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(t.__h.some(oe),t.__h.some(be),t.__h=[],G=0)),ve=x},T.diffed=function(e){Oe&&Oe(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(Ge.push(t)!==1&&He===T.requestAnimationFrame||((He=T.requestAnimationFrame)||Ut)(Nt)),t.__H.__.some(function(n){n.u&&(n.__H=n.u,n.u=void 0)})),ve=x=null},T.__c=function(e,t){t.some(function(n){try{n.__h.some(oe),n.__h=n.__h.filter(function(i){return!i.__||be(i)})}catch(i){t.some(function(a){a.__h&&(a.__h=[])}),t=[],T.__e(i,n.__v)}}),Ke&&Ke(e,t)},T.unmount=function(e){We&&We(e);var t,n=e.__c;n&&n.__H&&(n.__H.__.some(function(i){try{oe(i)}catch(a){t=a}}),n.__H=void 0,t&&T.__e(t,n.__v))};var je=typeof requestAnimationFrame=="function";function Ut(e){var t,n=function(){clearTimeout(i),je&&cancelAnimationFrame(t),setTimeout(e)},i=setTimeout(n,35);je&&(t=requestAnimationFrame(n))}function oe(e){var t=x,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),x=t}function be(e){var t=x;e.__c=e.__(),x=t}function Ye(e,t){return!e||e.length!==t.length||t.some(function(n,i){return n!==e[i]})}function Je(e,t){return typeof t=="function"?t(e):t}var Mt=0;function r(e,t,n,i,a,s){t||(t={});var u,c,d=t;if("ref"in d)for(c in d={},t)c=="ref"?u=t[c]:d[c]=t[c];var l={type:e,props:d,key:n,ref:u,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--Mt,__i:-1,__u:0,__source:a,__self:s};if(typeof e=="function"&&(u=e.defaultProps))for(c in u)d[c]===void 0&&(d[c]=u[c]);return S.vnode&&S.vnode(l),l}function Xe(){let[e,t]=v("");return r(w,{children:[r("h1",{children:"debrief"}),r("p",{class:"lead",children:"Asynchronous interviews: candidates answer questions by voice, in their own time; debrief stores each answer compactly, transcribes and analyses it, and shows interviewers the results."}),r("section",{"aria-labelledby":"take",children:[r("h2",{id:"take",children:"Take an interview"}),r("p",{children:"If you were sent a link, open it. For a public interview, enter its key."}),r("form",{class:"inline",onSubmit:n=>{n.preventDefault(),e.trim()&&location.assign(`/interview/${encodeURIComponent(e.trim())}`)},children:[r("label",{for:"interview-key",children:"Interview key"}),r("input",{id:"interview-key",value:e,onInput:n=>t(n.currentTarget.value),required:!0}),r("button",{type:"submit",children:"Open"})]})]}),r("section",{"aria-labelledby":"review",children:[r("h2",{id:"review",children:"Review answers"}),r("p",{children:["Interviewers: ",r("a",{href:"/review",children:"review sessions"})," with your API key."]})]}),r("section",{"aria-labelledby":"develop",children:[r("h2",{id:"develop",children:"Build on it"}),r("p",{children:["Everything here uses the public GraphQL API: explore it in the"," ",r("a",{href:"/graphql",children:"GraphQL explorer"})," (works offline). Health: ",r("a",{href:"/healthz",children:"/healthz"}),"."]})]})]})}var M=class extends Error{};function qt(e){let t={"Content-Type":"application/json"};return e&&(t.Authorization=`Bearer ${e}`),t}function Ze(e){if(e.errors?.length)throw new M(e.errors.map(t=>t.message).join("; "));if(!e.data)throw new M("The server sent no data.");return e.data}async function $(e,t,n){let i=await fetch("/graphql",{method:"POST",headers:qt(n),body:JSON.stringify({query:e.toString(),variables:t})});if(!i.ok&&i.status!==400)throw new M(`The server answered HTTP ${i.status}.`);return Ze(await i.json())}var K=class extends Error{};function et(e,t,n,i,a,s){let u=new FormData;return u.append("operations",JSON.stringify({query:e.toString(),variables:t})),u.append("map",JSON.stringify({0:["variables.file"]})),u.append("0",n,i),new Promise((c,d)=>{let l=new XMLHttpRequest;l.open("POST","/graphql"),l.setRequestHeader("Authorization",`Bearer ${a}`),l.upload.onprogress=p=>{p.lengthComputable&&s(p.loaded/p.total)},l.onerror=()=>d(new K("The upload was interrupted.")),l.ontimeout=()=>d(new K("The upload timed out.")),l.onload=()=>{if(l.status===429||l.status>=500){d(new K(`The server answered HTTP ${l.status}.`));return}try{c(Ze(JSON.parse(l.responseText)))}catch(p){d(p instanceof M?p:new M(`HTTP ${l.status}`))}},l.send(u)})}async function tt(e,{tries:t=4,firstDelayMs:n=1e3}={}){for(let i=1;;i++)try{return await e(i)}catch(a){if(!(a instanceof K)||i>=t)throw a;await new Promise(s=>setTimeout(s,n*2**(i-1)))}}var D=class extends String{__apiType;value;__meta__;constructor(t,n){super(t),this.value=t,this.__meta__=n}toString(){return this.value}},nt=new D(`
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
    `),it=new D(`
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
    `),st=new D(`
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
    `);function dt({children:e}){return r(w,{children:[r("a",{class:"skip",href:"#main",children:"Skip to content"}),r("header",{class:"site",children:[r("a",{class:"brand",href:"/",children:"debrief"}),r("nav",{"aria-label":"Site",children:[r("a",{href:"/review",children:"Review"}),r("a",{href:"/graphql",children:"GraphQL explorer"})]})]}),r("main",{id:"main",tabIndex:-1,children:e})]})}function Y({children:e,level:t=1}){let n=H(null);return A(()=>n.current?.focus(),[]),r(t===1?"h1":"h2",{ref:n,tabIndex:-1,children:e})}function N({message:e}){return r("p",{class:"error",role:"alert",children:e??""})}function q(e){if(e==null)return"—";let t=Math.max(0,Math.round(e));return`${Math.floor(t/60)}:${String(t%60).padStart(2,"0")}`}function ue(e){return e<1024?`${e} B`:`${(e/1024).toFixed(1)} KB`}function le(e){return e?new Date(e).toLocaleString():"—"}function ce(e){return e.replace(/_/g," ").toLowerCase()}function Lt(e,t){return`/record#token=${encodeURIComponent(e)}&session=${encodeURIComponent(t)}`}function _t({interviewKey:e}){let[t,n]=v(void 0),[i,a]=v(""),[s,u]=v(""),[c,d]=v(null),[l,p]=v(!1);if(A(()=>{$(st,{key:e},null).then(_=>n(_.interview)).catch(_=>d(_.message))},[e]),t===void 0)return r("p",{"aria-busy":"true",children:c??"Loading the interview…"});if(t===null)return r(w,{children:[r("h1",{children:"Interview not found"}),r("p",{children:["There is no public interview with the key “",e,"”. If you were invited, use the link in your invitation."]})]});let f=async _=>{_.preventDefault(),p(!0),d(null);try{let{startSession:h}=await $(ot,{interviewKey:e,candidateName:i||null,candidateEmail:s||null},null);if(h.__typename!=="StartSessionResult"){d(h.message);return}location.assign(Lt(h.uploadToken,h.session.id))}catch(h){d(h.message)}finally{p(!1)}},o=t.questions.length;return r(w,{children:[r("h1",{children:t.title}),r("p",{children:[o," question",o===1?"":"s",", answered by voice. You will need a microphone; you can listen to each answer before you send it."]}),r("form",{class:"stack",onSubmit:f,children:[r("label",{for:"candidate-name",children:"Your name"}),r("input",{id:"candidate-name",autocomplete:"name",value:i,required:!0,onInput:_=>a(_.currentTarget.value)}),r("label",{for:"candidate-email",children:"Email (optional)"}),r("input",{id:"candidate-email",type:"email",autocomplete:"email",value:s,onInput:_=>u(_.currentTarget.value)}),r("button",{type:"submit",disabled:l,children:l?"Starting…":"Start the interview"})]}),r(N,{message:c})]})}var Ft=["audio/ogg;codecs=opus","audio/webm;codecs=opus"];function pt(){let e=document.querySelector('meta[name="debrief-recorder-bitrate-bps"]'),t=Number(e?.content);return Number.isFinite(t)&&t>0?t:12e3}function mt(){return typeof MediaRecorder>"u"?null:Ft.find(e=>MediaRecorder.isTypeSupported(e))??null}var Q=class extends Error{};async function ft(){if(!navigator.mediaDevices?.getUserMedia)throw new Q("This browser cannot record audio here. Use a current browser over https or localhost.");try{return await navigator.mediaDevices.getUserMedia({audio:{channelCount:1,echoCancellation:!0,noiseSuppression:!0}})}catch(e){let t=e instanceof DOMException?e.name:"";throw t==="NotAllowedError"||t==="SecurityError"?new Q("Microphone access was refused. Allow the microphone for this site in your browser's settings, then press “Allow microphone” again."):t==="NotFoundError"?new Q("No microphone was found. Connect one and try again."):new Q(`The microphone could not be opened (${t||"unknown error"}).`)}}var de=class{recorder;chunks=[];startedAt=performance.now();finished;constructor(t,n,i){this.recorder=new MediaRecorder(t,{mimeType:n,audioBitsPerSecond:i}),this.finished=new Promise((a,s)=>{this.recorder.ondataavailable=u=>{u.data.size>0&&this.chunks.push(u.data)},this.recorder.onerror=()=>s(new Error("The recording failed.")),this.recorder.onstop=()=>a({blob:new Blob(this.chunks,{type:n}),mimeType:n,durationS:(performance.now()-this.startedAt)/1e3})}),this.recorder.start()}stop(){return this.recorder.state!=="inactive"&&this.recorder.stop(),this.finished}};function Bt(e){let t=new URLSearchParams(e.replace(/^#/,""));return{token:t.get("token"),sessionId:t.get("session")}}function Ht(){return crypto.randomUUID?.()??`${Date.now()}-${Math.random().toString(16).slice(2)}`}function ht(){let{token:e,sessionId:t}=Bt(location.hash),[n,i]=v(void 0),[a,s]=v(null),[u,c]=v(!1);return A(()=>{!e||!t||$(nt,{id:t},e).then(d=>i(d.session)).catch(d=>s(d.message))},[e,t]),!e||!t?r(w,{children:[r("h1",{children:"Recording link incomplete"}),r("p",{children:"This page needs the whole link you were given (it ends with your token)."})]}):n===void 0?r("p",{"aria-busy":"true",children:a??"Loading your interview…"}):n===null?r(w,{children:[r("h1",{children:"Link not valid"}),r("p",{children:"This recording link has expired or is not valid. Ask the interviewer for a new one."})]}):n.status==="EXPIRED"?r(w,{children:[r("h1",{children:"Link expired"}),r("p",{children:"This interview can no longer be answered. Ask the interviewer for a new link."})]}):u||n.status!=="IN_PROGRESS"?r(w,{children:[r(Y,{children:"Thank you"}),r("p",{children:["Your answers to “",n.interview.title,"” have been sent. You can close this page."]})]}):r(Qt,{session:n,token:e,onSubmitted:()=>c(!0)})}function Qt({session:e,token:t,onSubmitted:n}){let i=[...e.interview.questions].sort((g,P)=>g.position-P.position),[a,s]=v(()=>Object.fromEntries(e.recordings.map(g=>[g.question.id,{uploads:1}]))),[u,c]=v(()=>{let g=i.findIndex(P=>!(P.id in a));return g===-1?i.length-1:g}),[d,l]=v(null),[p,f]=v(null),[o,_]=v(null),[h,m]=v(!1),b=mt(),k=async()=>{if(d)return d;f(null);try{let g=await ft();return l(g),g}catch(g){return f(g instanceof Q?g.message:String(g)),null}};A(()=>()=>d?.getTracks().forEach(g=>g.stop()),[d]);let y=i[u],R=i.filter(g=>g.id in a).length,E=async()=>{m(!0),_(null);try{let{submitSession:g}=await $(it,{sessionId:e.id},t);g.__typename==="Session"?n():_(g.message)}catch(g){_(g.message)}finally{m(!1)}};return b?r(w,{children:[r("h1",{children:e.interview.title}),r("p",{children:[R," of ",i.length," answered."," ",e.interview.maxRetakes>0?`You may retake each answer ${e.interview.maxRetakes===1?"once":`${e.interview.maxRetakes} times`} after sending it.`:"Each answer can be sent once."]}),!d&&r("section",{class:"card","aria-labelledby":"mic-heading",children:[r("h2",{id:"mic-heading",children:"Microphone"}),r("p",{children:"Your browser will ask to use the microphone. Nothing is recorded until you press Record."}),r("button",{type:"button",onClick:k,children:"Allow microphone"}),r(N,{message:p})]}),r(Vt,{question:y,number:u+1,total:i.length,answer:a[y.id],maxRetakes:e.interview.maxRetakes,sessionId:e.id,token:t,mimeType:b,microphone:d,allowMicrophone:k,onUploaded:g=>s(P=>({...P,[y.id]:{uploads:(P[y.id]?.uploads??0)+1,sizeBytes:g}}))},y.id),r("nav",{class:"pager","aria-label":"Questions",children:[r("button",{type:"button",disabled:u===0,onClick:()=>c(u-1),children:"Previous question"}),u<i.length-1?r("button",{type:"button",disabled:!(y.id in a),onClick:()=>c(u+1),children:"Next question"}):r("button",{type:"button",class:"primary",disabled:R<i.length||h,onClick:E,children:h?"Submitting…":"Submit interview"})]}),r(N,{message:o})]}):r(w,{children:[r("h1",{children:e.interview.title}),r(N,{message:"This browser cannot record Opus audio. Please use a current Chrome, Edge or Firefox."})]})}function Vt(e){let{question:t,answer:n,maxRetakes:i}=e,[a,s]=v("idle"),[u,c]=v(null),[d,l]=v(null),[p,f]=v(0),[o,_]=v(0),[h,m]=v(""),[b,k]=v(null),y=H(null),R=H(0),E=t.timeLimitSeconds,g=n?i-(n.uploads-1):null,P=!n||(g??0)>0;A(()=>()=>{d&&URL.revokeObjectURL(d)},[d]);let W=async()=>{let I=y.current;if(!I)return;y.current=null;let L=await I.stop();c(L),l(URL.createObjectURL(L.blob)),s("preview"),m(`Recorded ${q(L.durationS)}. Listen, then send it or record again.`)};A(()=>{if(a!=="recording")return;let I=setInterval(()=>{let L=(performance.now()-R.current)/1e3;f(L),E!=null&&L>=E&&W()},250);return()=>clearInterval(I)},[a]);let V=async()=>{k(null);let I=e.microphone??await e.allowMicrophone();I&&(y.current=new de(I,e.mimeType,pt()),R.current=performance.now(),f(0),c(null),l(null),s("recording"),m("Recording…"))},z=async()=>{if(!u)return;let I=Ht(),L=u.mimeType.includes("ogg")?"ogg":"webm";s("uploading"),_(0),k(null);try{let{uploadRecording:F}=await tt(xe=>(m(xe===1?"Uploading…":`Upload failed; trying again (attempt ${xe})…`),et(rt,{sessionId:e.sessionId,questionId:t.id,file:null,idempotencyKey:I},u.blob,`answer-${e.number}.${L}`,e.token,_)));if(F.__typename!=="Recording"){k(F.message),s("preview"),m("");return}e.onUploaded(F.sizeBytes),s("idle"),c(null),l(null),m(`Answer ${e.number} saved (${ue(F.sizeBytes)}).`)}catch(F){k(F instanceof M?F.message:`The upload failed: ${F.message}`),s("preview"),m("")}},C=E!=null?Math.max(0,E-p):null;return r("section",{class:"card question","aria-labelledby":`q-${t.id}`,children:[r(Y,{level:2,children:r("span",{id:`q-${t.id}`,children:["Question ",e.number," of ",e.total]})}),r("p",{class:"question-text",children:t.text}),r("p",{class:"hint",children:[E!=null?`Time limit: ${q(E)}.`:"No time limit."," ",n?g&&g>0?`Answer sent; ${g} retake${g===1?"":"s"} left.`:"Answer sent; no retakes left.":"Not answered yet."]}),a==="recording"&&r("div",{class:"recording",children:[r("span",{class:"dot","aria-hidden":"true"}),r("span",{role:"timer","aria-live":"off",children:C!=null?`${q(C)} left`:q(p)}),r("button",{type:"button",class:"primary",onClick:W,children:"Stop recording"})]}),a==="idle"&&P&&r("button",{type:"button",class:"primary",onClick:V,children:n?"Retake answer":"Record answer"}),a==="preview"&&d&&r("div",{class:"preview",children:[r("audio",{controls:!0,src:d,"aria-label":`Your answer to question ${e.number}`}),r("div",{class:"actions",children:[r("button",{type:"button",class:"primary",onClick:z,children:"Send answer"}),r("button",{type:"button",onClick:V,children:"Discard and record again"})]})]}),a==="uploading"&&r("div",{class:"upload",children:[r("label",{for:`progress-${t.id}`,children:"Upload progress"}),r("progress",{id:`progress-${t.id}`,max:1,value:o,children:[Math.round(o*100),"%"]})]}),r("p",{class:"status",role:"status",children:h}),r(N,{message:b})]})}function Se(e,t,{done:n,onError:i,intervalMs:a=3e3}={}){let s,u=!1,c=async()=>{clearTimeout(s);try{let l=await e();if(u||(t(l),n?.(l)))return}catch(l){if(u)return;i?.(l)}let d=document.hidden?a*5:a;s=setTimeout(c,d)};return c(),{stop(){u=!0,clearTimeout(s)},refresh(){u||c()}}}var ke="debrief.apiKey",vt="debrief.recentInterviews",yt=new Set(["COMPLETE","FAILED","EXPIRED"]);function bt(){let[e,t]=v(()=>sessionStorage.getItem(ke));if(!e)return r(Ot,{onKey:u=>{sessionStorage.setItem(ke,u),t(u)}});let n=new URLSearchParams(location.search),i=n.get("interview"),a=n.get("session");return r(w,{children:[r("div",{class:"toolbar",children:r("button",{type:"button",onClick:()=>{sessionStorage.removeItem(ke),t(null)},children:"Forget API key"})}),a?r(jt,{apiKey:e,sessionId:a}):i?r(zt,{apiKey:e,interviewKey:i}):r(Wt,{})]})}function Ot({onKey:e}){let[t,n]=v("");return r(w,{children:[r("h1",{children:"Review interviews"}),r("form",{class:"stack",onSubmit:i=>{i.preventDefault(),t.trim()&&e(t.trim())},children:[r("label",{for:"api-key",children:"Interviewer API key"}),r("input",{id:"api-key",type:"password",autocomplete:"off",value:t,required:!0,"aria-describedby":"api-key-hint",onInput:i=>n(i.currentTarget.value)}),r("p",{id:"api-key-hint",class:"hint",children:"Starts with dbk_. Kept in this tab only (sessionStorage) until you close it."}),r("button",{type:"submit",children:"Continue"})]})]})}function gt(e,t){return`${e} ${t}${e===1?"":"s"}`}function wt(){try{return JSON.parse(sessionStorage.getItem(vt)??"[]")}catch{return[]}}function Kt(e){let t=[e,...wt().filter(n=>n!==e)].slice(0,10);sessionStorage.setItem(vt,JSON.stringify(t))}function Wt(){let[e,t]=v(""),n=wt();return r(w,{children:[r("h1",{children:"Interviews"}),r("form",{class:"inline",onSubmit:i=>{i.preventDefault(),e.trim()&&location.assign(`/review?interview=${encodeURIComponent(e.trim())}`)},children:[r("label",{for:"review-interview-key",children:"Interview key"}),r("input",{id:"review-interview-key",value:e,required:!0,onInput:i=>t(i.currentTarget.value)}),r("button",{type:"submit",children:"Show sessions"})]}),n.length>0&&r("section",{"aria-labelledby":"recent",children:[r("h2",{id:"recent",children:"Recently opened"}),r("ul",{children:n.map(i=>r("li",{children:r("a",{href:`/review?interview=${encodeURIComponent(i)}`,children:i})},i))})]})]})}function zt({apiKey:e,interviewKey:t}){let[n,i]=v(void 0),[a,s]=v(null);if(A(()=>{let c=Se(()=>$(at,{key:t,first:50,after:null},e),d=>{i(d.interview),s(null),d.interview&&Kt(t)},{done:d=>d.interview===null,onError:d=>s(d.message)});return()=>c.stop()},[t,e]),n===void 0)return r("p",{"aria-busy":"true",children:a??"Loading sessions…"});if(n===null)return r(w,{children:[r("h1",{children:"Interview not found"}),r("p",{children:["No interview “",t,"” is visible with this API key. ",r("a",{href:"/review",children:"Choose another"}),"."]})]});let u=n.sessions.nodes;return r(w,{children:[r("nav",{"aria-label":"Breadcrumb",children:[r("a",{href:"/review",children:"Interviews"})," › ",n.key]}),r("h1",{children:n.title}),r("p",{children:[gt(n.questions.length,"question")," · ",gt(u.length,"session")," · status updates live"]}),u.length===0?r("p",{children:"No sessions yet."}):r("table",{children:[r("caption",{children:["Sessions of ",n.title]}),r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Candidate"}),r("th",{scope:"col",children:"Status"}),r("th",{scope:"col",children:"Started"}),r("th",{scope:"col",children:"Submitted"})]})}),r("tbody",{children:u.map(c=>r("tr",{children:[r("td",{children:r("a",{href:`/review?interview=${encodeURIComponent(n.key)}&session=${encodeURIComponent(c.id)}`,children:c.candidateName??"Unnamed candidate"})}),r("td",{children:r("span",{class:`badge ${c.status.toLowerCase()}`,children:ce(c.status)})}),r("td",{children:le(c.createdAt)}),r("td",{children:le(c.submittedAt)})]},c.id))})]}),r(N,{message:a})]})}function jt({apiKey:e,sessionId:t}){let[n,i]=v(void 0),[a,s]=v(void 0),[u,c]=v(null);A(()=>{let f=Se(()=>$(ut,{id:t},e),o=>{i(o.session),c(null)},{done:o=>o.session===null||yt.has(o.session.status),onError:o=>c(o.message)});return()=>f.stop()},[t,e]);let d=n?yt.has(n.status):!1,l=n?.interview.key;if(A(()=>{l&&$(lt,{interviewKey:l},e).then(f=>s(f.costReport.sessionCosts.find(o=>o.sessionId===t)?.costUsd??0)).catch(()=>s(null))},[l,d]),n===void 0)return r("p",{"aria-busy":"true",children:u??"Loading the session…"});if(n===null)return r(w,{children:[r("h1",{children:"Session not found"}),r("p",{children:["No such session is visible with this API key. ",r("a",{href:"/review",children:"Back to interviews"}),"."]})]});let p=[...n.recordings].sort((f,o)=>f.question.position-o.question.position);return r(w,{children:[r("nav",{"aria-label":"Breadcrumb",children:[r("a",{href:"/review",children:"Interviews"})," ›"," ",r("a",{href:`/review?interview=${encodeURIComponent(n.interview.key)}`,children:n.interview.title})," ›"," ",n.candidateName??"Unnamed candidate"]}),r(Y,{children:n.candidateName??"Unnamed candidate"}),r("dl",{class:"facts",children:[r("dt",{children:"Status"}),r("dd",{"aria-live":"polite",children:r("span",{class:`badge ${n.status.toLowerCase()}`,children:ce(n.status)})}),r("dt",{children:"Submitted"}),r("dd",{children:le(n.submittedAt)}),r("dt",{children:"Measured cost"}),r("dd",{children:a===void 0?"…":a===null?"unavailable":`$${a.toFixed(4)}`})]}),n.failureReason&&r(N,{message:n.failureReason}),n.analysis&&r("section",{class:"card","aria-labelledby":"overall",children:[r("h2",{id:"overall",children:"Overall analysis"}),r("p",{children:[n.analysis.score!=null&&r("strong",{children:["Score ",n.analysis.score.toFixed(1),". "]}),n.analysis.recommendation&&r(w,{children:["Recommendation: ",n.analysis.recommendation,". "]}),n.analysis.summary]}),r("p",{class:"hint",children:["By ",n.analysis.provider,n.analysis.model?` (${n.analysis.model})`:"","."]})]}),r("p",{class:"hint",children:"Audio is fetched only when you press Play: each press asks the server for one short-lived signed link. Everything else on this page comes from the database."}),p.map(f=>r(Gt,{answer:f,apiKey:e},f.id)),r(N,{message:u})]})}function Gt({answer:e,apiKey:t}){let n=H(null),[i,a]=v(null),[s,u]=v(null),[c,d]=v(!1),l=H(null),p=e.question.position,f=async()=>{if(i)return!0;d(!0);try{let{recording:m}=await $(ct,{id:e.id},t),b=m?.downloadUrl;return b?.__typename==="DownloadUrl"?(a(b.url),!0):(u(b?.__typename==="ArchivedRecording"?`This answer is archived (${b.storageClass}, restore ${b.restoreStatus}).`:"The recording is no longer available."),!1)}catch(m){return u(m.message),!1}finally{d(!1)}};A(()=>{let m=n.current;!i||!m||(l.current!=null&&(m.currentTime=l.current),l.current=null,m.play().catch(()=>{}),m.focus())},[i]);let o=()=>{f()},_=async m=>{if(!i){l.current=m,await f();return}let b=n.current;b&&(b.currentTime=m,b.play().catch(()=>{}))},h=e.analysis?.metrics;return r("section",{class:"card answer","aria-labelledby":`answer-${e.id}`,children:[r("h2",{id:`answer-${e.id}`,children:["Question ",p,": ",e.question.text]}),r("p",{class:"hint",children:[ce(e.status)," · ",q(e.durationSeconds)," · ",ue(e.sizeBytes)," ",e.codec]}),i?r("audio",{ref:n,controls:!0,src:i,"aria-label":`Answer to question ${p}`}):r("button",{type:"button",onClick:o,disabled:c,children:c?"Fetching audio…":`Play answer ${p}`}),s&&r("p",{role:"status",children:s}),e.transcript?r("div",{class:"transcript",children:[r("h3",{children:"Transcript"}),r("ol",{class:"segments","aria-label":`Transcript of answer ${p}; press a line to hear it`,children:e.transcript.segments.map((m,b)=>r("li",{children:r("button",{type:"button",class:"segment",onClick:()=>{_(m.start)},children:[r("span",{class:"time",children:q(m.start)})," ",m.text.trim()]})},b))}),r("p",{class:"hint",children:["By ",e.transcript.provider," (",e.transcript.model,")."]})]}):r("p",{class:"hint",children:["Transcript: ",e.status==="FAILED"?"failed":"pending…"]}),h&&r("dl",{class:"metrics","aria-label":`Speech metrics of answer ${p}`,children:[r("dt",{children:"Words per minute"}),r("dd",{children:h.wordsPerMinute.toFixed(0)}),r("dt",{children:"Filler rate"}),r("dd",{children:[(h.fillerRate*100).toFixed(1),"%"]}),r("dt",{children:"Speech"}),r("dd",{children:q(h.speechSeconds)}),r("dt",{children:"Words"}),r("dd",{children:h.wordCount})]}),e.analysis?.summary&&r("div",{class:"analysis",children:[r("h3",{children:"Analysis"}),r("p",{children:[e.analysis.score!=null&&r("strong",{children:["Score ",e.analysis.score.toFixed(1),". "]}),e.analysis.summary]}),e.analysis.strengths.length>0&&r(w,{children:[r("h4",{children:"Strengths"}),r("ul",{children:e.analysis.strengths.map(m=>r("li",{children:m},m))})]}),e.analysis.concerns.length>0&&r(w,{children:[r("h4",{children:"Concerns"}),r("ul",{children:e.analysis.concerns.map(m=>r("li",{children:m},m))})]})]})]})}function Yt(e){let t=/^\/interview\/([^/]+)\/?$/.exec(e);return t?r(_t,{interviewKey:decodeURIComponent(t[1])}):e==="/record"?r(ht,{}):e==="/review"?r(bt,{}):r(Xe,{})}var St=document.getElementById("app");St&&Be(r(dt,{children:Yt(location.pathname)}),St);
