var ie,S,Ae,St,B,Ie,Ce,De,_e,X,j,$e,fe,pe,me,kt,te={},ne=[],xt=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,se=Array.isArray;function N(e,t){for(var n in t)e[n]=t[n];return e}function ye(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function Tt(e,t,n){var i,a,s,u={};for(s in t)s=="key"?i=t[s]:s=="ref"?a=t[s]:u[s]=t[s];if(arguments.length>2&&(u.children=arguments.length>3?ie.call(arguments,2):n),typeof e=="function"&&e.defaultProps!=null)for(s in e.defaultProps)u[s]===void 0&&(u[s]=e.defaultProps[s]);return Z(e,u,i,a,null)}function Z(e,t,n,i,a){var s={type:e,props:t,key:n,ref:i,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:a??++Ae,__i:-1,__u:0};return a==null&&S.vnode!=null&&S.vnode(s),s}function b(e){return e.children}function ee(e,t){this.props=e,this.context=t}function K(e,t){if(t==null)return e.__?K(e.__,e.__i+1):null;for(var n;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null)return n.__e;return typeof e.type=="function"?K(e):null}function It(e){if(e.__P&&e.__d){var t=e.__v,n=t.__e,i=[],a=[],s=N({},t);s.__v=t.__v+1,S.vnode&&S.vnode(s),he(e.__P,s,t,e.__n,e.__P.namespaceURI,32&t.__u?[n]:null,i,n??K(t),!!(32&t.__u),a),s.__v=t.__v,s.__.__k[s.__i]=s,Le(i,s,a),t.__e=t.__=null,s.__e!=n&&Me(s)}}function Me(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),Me(e)}function Re(e){(!e.__d&&(e.__d=!0)&&B.push(e)&&!re.__r++||Ie!=S.debounceRendering)&&((Ie=S.debounceRendering)||Ce)(re)}function re(){try{for(var e,t=1;B.length;)B.length>t&&B.sort(De),e=B.shift(),t=B.length,It(e)}finally{B.length=re.__r=0}}function Ne(e,t,n,i,a,s,u,l,d,c,p){var f,o,_,g,m,w,k=i&&i.__k||ne,y=t.length;for(d=Rt(n,t,k,d,y),f=0;f<y;f++)(_=n.__k[f])!=null&&(o=_.__i!=-1&&k[_.__i]||te,_.__i=f,w=he(e,_,o,a,s,u,l,d,c,p),g=_.__e,_.ref&&o.ref!=_.ref&&(o.ref&&ge(o.ref,null,_),p.push(_.ref,_.__c||g,_)),m==null&&g!=null&&(m=g),4&_.__u?(d=Ue(_,d,e),o.__e&&(o.__e=null)):typeof _.type=="function"&&w!==void 0?d=w:g&&(d=g.nextSibling),_.__u&=-7);return n.__e=m,d}function Rt(e,t,n,i,a){var s,u,l,d,c,p=n.length,f=p,o=0;for(e.__k=new Array(a),s=0;s<a;s++)(u=t[s])!=null&&typeof u!="boolean"&&typeof u!="function"?(typeof u=="string"||typeof u=="number"||typeof u=="bigint"||u.constructor==String?u=e.__k[s]=Z(null,u,null,null,null):se(u)?u=e.__k[s]=Z(b,{children:u},null,null,null):u.constructor===void 0&&u.__b>0?u=e.__k[s]=Z(u.type,u.props,u.key,u.ref?u.ref:null,u.__v):e.__k[s]=u,d=s+o,u.__=e,u.__b=e.__b+1,l=null,(c=u.__i=Et(u,n,d,f))!=-1&&(f--,(l=n[c])&&(l.__u|=2)),l==null||l.__v==null?(c==-1&&(a>p?o--:a<p&&o++),typeof u.type!="function"&&(u.__u|=4)):c!=d&&(c==d-1?o--:c==d+1?o++:(c>d?o--:o++,u.__u|=4))):e.__k[s]=null;if(f)for(s=0;s<p;s++)(l=n[s])!=null&&(2&l.__u)==0&&(l.__e==i&&(i=K(l)),Be(l,l));return i}function Ue(e,t,n){var i,a;if(typeof e.type=="function"){for(i=e.__k,a=0;i&&a<i.length;a++)i[a]&&(i[a].__=e,t=Ue(i[a],t,n));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=K(e)),t=n.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function Et(e,t,n,i){var a,s,u,l=e.key,d=e.type,c=t[n],p=c!=null&&(2&c.__u)==0;if(c===null&&l==null||p&&l==c.key&&d==c.type)return n;if(i>(p?1:0)){for(a=n-1,s=n+1;a>=0||s<t.length;)if((c=t[u=a>=0?a--:s++])!=null&&(2&c.__u)==0&&l==c.key&&d==c.type)return u}return-1}function Ee(e,t,n){t[0]=="-"?e.setProperty(t,n??""):e[t]=n==null?"":typeof n!="number"||xt.test(t)?n:n+"px"}function J(e,t,n,i,a){var s,u;e:if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof i=="string"&&(e.style.cssText=i=""),i)for(t in i)n&&t in n||Ee(e.style,t,"");if(n)for(t in n)i&&n[t]==i[t]||Ee(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")s=t!=(t=t.replace($e,"$1")),u=t.toLowerCase(),t=u in e||t=="onFocusOut"||t=="onFocusIn"?u.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+s]=n,n?i?n[j]=i[j]:(n[j]=fe,e.addEventListener(t,s?me:pe,s)):e.removeEventListener(t,s?me:pe,s);else{if(a=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=n??"";break e}catch{}typeof n=="function"||(n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n))}}function Pe(e){return function(t){if(this.l){var n=this.l[t.type+e];if(t[X]==null)t[X]=fe++;else if(t[X]<n[j])return;return n(S.event?S.event(t):t)}}}function he(e,t,n,i,a,s,u,l,d,c){var p,f,o,_,g,m,w,k,y,I,P,v,A,W,V,z,C=t.type;if(t.constructor!==void 0)return null;128&n.__u&&(d=!!(32&n.__u),s=[l=t.__e=n.__e]),(p=S.__b)&&p(t);e:if(typeof C=="function"){f=u.length;try{if(y=t.props,I=C.prototype&&C.prototype.render,P=(p=C.contextType)&&i[p.__c],v=p?P?P.props.value:p.__:i,n.__c?k=(o=t.__c=n.__c).__=o.__E:(I?t.__c=o=new C(y,v):(t.__c=o=new ee(y,v),o.constructor=C,o.render=At),P&&P.sub(o),o.state||(o.state={}),o.__n=i,_=o.__d=!0,o.__h=[],o._sb=[]),I&&o.__s==null&&(o.__s=o.state),I&&C.getDerivedStateFromProps!=null&&(o.__s==o.state&&(o.__s=N({},o.__s)),N(o.__s,C.getDerivedStateFromProps(y,o.__s))),g=o.props,m=o.state,o.__v=t,_)I&&C.getDerivedStateFromProps==null&&o.componentWillMount!=null&&o.componentWillMount(),I&&o.componentDidMount!=null&&o.__h.push(o.componentDidMount);else{if(I&&C.getDerivedStateFromProps==null&&y!==g&&o.componentWillReceiveProps!=null&&o.componentWillReceiveProps(y,v),t.__v==n.__v||!o.__e&&o.shouldComponentUpdate!=null&&o.shouldComponentUpdate(y,o.__s,v)===!1){t.__v!=n.__v&&(o.props=y,o.state=o.__s,o.__d=!1),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(R){R&&(R.__=t)}),ne.push.apply(o.__h,o._sb),o._sb=[],o.__h.length&&u.push(o),l=K(n);break e}o.componentWillUpdate!=null&&o.componentWillUpdate(y,o.__s,v),I&&o.componentDidUpdate!=null&&o.__h.push(function(){o.componentDidUpdate(g,m,w)})}if(o.context=v,o.props=y,o.__P=e,o.__e=!1,A=S.__r,W=0,I)o.state=o.__s,o.__d=!1,A&&A(t),p=o.render(o.props,o.state,o.context),ne.push.apply(o.__h,o._sb),o._sb=[];else do o.__d=!1,A&&A(t),p=o.render(o.props,o.state,o.context),o.state=o.__s;while(o.__d&&++W<25);o.state=o.__s,o.getChildContext!=null&&(i=N(N({},i),o.getChildContext())),I&&!_&&o.getSnapshotBeforeUpdate!=null&&(w=o.getSnapshotBeforeUpdate(g,m)),V=p!=null&&p.type===b&&p.key==null?Fe(p.props.children):p,l=Ne(e,se(V)?V:[V],t,n,i,a,s,u,l,d,c),o.base=t.__e,t.__u&=-161,o.__h.length&&u.push(o),k&&(o.__E=o.__=null)}catch(R){if(u.length=f,t.__v=null,d||s!=null){if(R.then){for(t.__u|=d?160:128;l&&l.nodeType==8&&l.nextSibling;)l=l.nextSibling;s!=null&&(s[s.indexOf(l)]=null),t.__e=l}else if(s!=null)for(z=s.length;z--;)ye(s[z])}else t.__e=n.__e;t.__k==null&&(t.__k=n.__k||[]),R.then||qe(t),S.__e(R,t,n)}}else s==null&&t.__v==n.__v?(t.__k=n.__k,t.__e=n.__e):l=t.__e=Pt(n.__e,t,n,i,a,s,u,d,c);return(p=S.diffed)&&p(t),128&t.__u?void 0:l}function qe(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(qe))}function Le(e,t,n){for(var i=0;i<n.length;i++)ge(n[i],n[++i],n[++i]);S.__c&&S.__c(t,e),e.some(function(a){try{e=a.__h,a.__h=[],e.some(function(s){s.call(a)})}catch(s){S.__e(s,a.__v)}})}function Fe(e){return typeof e!="object"||e==null||e.__b>0?e:se(e)?e.map(Fe):e.constructor!==void 0?null:N({},e)}function Pt(e,t,n,i,a,s,u,l,d){var c,p,f,o,_,g,m,w=n.props||te,k=t.props,y=t.type;if(y=="svg"?a="http://www.w3.org/2000/svg":y=="math"?a="http://www.w3.org/1998/Math/MathML":a||(a="http://www.w3.org/1999/xhtml"),s!=null){for(c=0;c<s.length;c++)if((_=s[c])&&"setAttribute"in _==!!y&&(y?_.localName==y:_.nodeType==3)){e=_,s[c]=null;break}}if(e==null){if(y==null)return document.createTextNode(k);e=document.createElementNS(a,y,k.is&&k),l&&(S.__m&&S.__m(t,s),l=!1),s=null}if(y==null)w===k||l&&e.data==k||(e.data=k);else{if(s=y=="textarea"&&k.defaultValue!=null?null:s&&ie.call(e.childNodes),!l&&s!=null)for(w={},c=0;c<e.attributes.length;c++)w[(_=e.attributes[c]).name]=_.value;for(c in w)_=w[c],c=="dangerouslySetInnerHTML"?f=_:c=="children"||c in k||c=="value"&&"defaultValue"in k||c=="checked"&&"defaultChecked"in k||J(e,c,null,_,a);for(c in k)_=k[c],c=="children"?o=_:c=="dangerouslySetInnerHTML"?p=_:c=="value"?g=_:c=="checked"?m=_:l&&typeof _!="function"||w[c]===_||J(e,c,_,w[c],a);if(p)l||f&&(p.__html==f.__html||p.__html==e.innerHTML)||(e.innerHTML=p.__html),t.__k=[];else if(f&&(e.innerHTML=""),Ne(t.type=="template"?e.content:e,se(o)?o:[o],t,n,i,y=="foreignObject"?"http://www.w3.org/1999/xhtml":a,s,u,s?s[0]:n.__k&&K(n,0),l,d),s!=null)for(c=s.length;c--;)ye(s[c]);l&&y!="textarea"||(c="value",y=="progress"&&g==null?e.removeAttribute("value"):g!=null&&(g!==e[c]||y=="progress"&&!g||y=="option"&&g!=w[c])&&J(e,c,g,w[c],a),c="checked",m!=null&&m!=e[c]&&J(e,c,m,w[c],a))}return e}function ge(e,t,n){try{if(typeof e=="function"){var i=typeof e.__u=="function";i&&e.__u(),i&&t==null||(e.__u=e(t))}else e.current=t}catch(a){S.__e(a,n)}}function Be(e,t,n){var i,a;if(S.unmount&&S.unmount(e),(i=e.ref)&&(i.current&&i.current!=e.__e||ge(i,null,t)),(i=e.__c)!=null){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(s){S.__e(s,t)}i.base=i.__P=i.__n=null}if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&Be(i[a],t,n||typeof e.type!="function");n||ye(e.__e),e.__c=e.__=e.__e=void 0}function At(e,t,n){return this.constructor(e,n)}function Qe(e,t,n){var i,a,s,u;t==document&&(t=document.documentElement),S.__&&S.__(e,t),a=(i=typeof n=="function")?null:n&&n.__k||t.__k,s=[],u=[],he(t,e=(!i&&n||t).__k=Tt(b,null,[e]),a||te,te,t.namespaceURI,!i&&n?[n]:a?null:t.firstChild?ie.call(t.childNodes):null,s,!i&&n?n:a?a.__e:t.firstChild,i,u),Le(s,e,u),e.props.children=null}ie=ne.slice,S={__e:function(e,t,n,i){for(var a,s,u;t=t.__;)if((a=t.__c)&&!a.__)try{if((s=a.constructor)&&s.getDerivedStateFromError!=null&&(a.setState(s.getDerivedStateFromError(e)),u=a.__d),a.componentDidCatch!=null&&(a.componentDidCatch(e,i||{}),u=a.__d),u)return a.__E=a}catch(l){e=l}throw e}},Ae=0,St=function(e){return e!=null&&e.constructor===void 0},ee.prototype.setState=function(e,t){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=N({},this.state),typeof e=="function"&&(e=e(N({},n),this.props)),e&&N(n,e),e!=null&&this.__v&&(t&&this._sb.push(t),Re(this))},ee.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),Re(this))},ee.prototype.render=b,B=[],Ce=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,De=function(e,t){return e.__v.__b-t.__v.__b},re.__r=0,_e=Math.random().toString(8),X="__d"+_e,j="__a"+_e,$e=/(PointerCapture)$|Capture$/i,fe=0,pe=Pe(!1),me=Pe(!0),kt=0;var G,x,ve,He,ae=0,Ye=[],T=S,Ve=T.__b,Ke=T.__r,Oe=T.diffed,We=T.__c,ze=T.unmount,je=T.__;function be(e,t){T.__h&&T.__h(x,e,ae||t),ae=0;var n=x.__H||(x.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function h(e){return ae=1,Ct(Xe,e)}function Ct(e,t,n){var i=be(G++,2);if(i.t=e,!i.__c&&(i.__=[n?n(t):Xe(void 0,t),function(l){var d=i.__N?i.__N[0]:i.__[0],c=i.t(d,l);d!==c&&(i.__N=[c,i.__[1]],i.__c.setState({}))}],i.__c=x,!x.__f)){var a=function(l,d,c){if(!i.__c.__H)return!0;var p=!1,f=i.__c.props!==l;if(i.__c.__H.__.some(function(_){if(_.__N){p=!0;var g=_.__[0];_.__=_.__N,_.__N=void 0,g!==_.__[0]&&(f=!0)}}),s){var o=s.call(this,l,d,c);return p?o||f:o}return!p||f};x.__f=!0;var s=x.shouldComponentUpdate,u=x.componentWillUpdate;x.componentWillUpdate=function(l,d,c){if(this.__e){var p=s;s=void 0,a(l,d,c),s=p}u&&u.call(this,l,d,c)},x.shouldComponentUpdate=a}return i.__N||i.__}function E(e,t){var n=be(G++,3);!T.__s&&Je(n.__H,t)&&(n.__=e,n.u=t,x.__H.__h.push(n))}function Q(e){return ae=5,Dt(function(){return{current:e}},[])}function Dt(e,t){var n=be(G++,7);return Je(n.__H,t)&&(n.__=e(),n.__H=t,n.__h=e),n.__}function $t(){for(var e;e=Ye.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(oe),t.__h.some(we),t.__h=[]}catch(n){t.__h=[],T.__e(n,e.__v)}}}T.__b=function(e){x=null,Ve&&Ve(e)},T.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),je&&je(e,t)},T.__r=function(e){Ke&&Ke(e),G=0;var t=(x=e.__c).__H;t&&(ve===x?(t.__h=[],x.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(t.__h.some(oe),t.__h.some(we),t.__h=[],G=0)),ve=x},T.diffed=function(e){Oe&&Oe(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(Ye.push(t)!==1&&He===T.requestAnimationFrame||((He=T.requestAnimationFrame)||Mt)($t)),t.__H.__.some(function(n){n.u&&(n.__H=n.u,n.u=void 0)})),ve=x=null},T.__c=function(e,t){t.some(function(n){try{n.__h.some(oe),n.__h=n.__h.filter(function(i){return!i.__||we(i)})}catch(i){t.some(function(a){a.__h&&(a.__h=[])}),t=[],T.__e(i,n.__v)}}),We&&We(e,t)},T.unmount=function(e){ze&&ze(e);var t,n=e.__c;n&&n.__H&&(n.__H.__.some(function(i){try{oe(i)}catch(a){t=a}}),n.__H=void 0,t&&T.__e(t,n.__v))};var Ge=typeof requestAnimationFrame=="function";function Mt(e){var t,n=function(){clearTimeout(i),Ge&&cancelAnimationFrame(t),setTimeout(e)},i=setTimeout(n,35);Ge&&(t=requestAnimationFrame(n))}function oe(e){var t=x,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),x=t}function we(e){var t=x;e.__c=e.__(),x=t}function Je(e,t){return!e||e.length!==t.length||t.some(function(n,i){return n!==e[i]})}function Xe(e,t){return typeof t=="function"?t(e):t}var Nt=0;function r(e,t,n,i,a,s){t||(t={});var u,l,d=t;if("ref"in d)for(l in d={},t)l=="ref"?u=t[l]:d[l]=t[l];var c={type:e,props:d,key:n,ref:u,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--Nt,__i:-1,__u:0,__source:a,__self:s};if(typeof e=="function"&&(u=e.defaultProps))for(l in u)d[l]===void 0&&(d[l]=u[l]);return S.vnode&&S.vnode(c),c}function Ze(){let[e,t]=h("");return r(b,{children:[r("h1",{children:"debrief"}),r("p",{class:"lead",children:"Asynchronous interviews: candidates answer questions by voice, in their own time; debrief stores each answer compactly, transcribes and analyses it, and shows interviewers the results."}),r("section",{"aria-labelledby":"take",children:[r("h2",{id:"take",children:"Take an interview"}),r("p",{children:"If you were sent a link, open it. For a public interview, enter its key."}),r("form",{class:"inline",onSubmit:n=>{n.preventDefault(),e.trim()&&location.assign(`/interview/${encodeURIComponent(e.trim())}`)},children:[r("label",{for:"interview-key",children:"Interview key"}),r("input",{id:"interview-key",value:e,onInput:n=>t(n.currentTarget.value),required:!0}),r("button",{type:"submit",children:"Open"})]})]}),r("section",{"aria-labelledby":"review",children:[r("h2",{id:"review",children:"Review answers"}),r("p",{children:["Interviewers: ",r("a",{href:"/review",children:"review sessions"})," with your API key."]})]}),r("section",{"aria-labelledby":"develop",children:[r("h2",{id:"develop",children:"Build on it"}),r("p",{children:["Everything here uses the public GraphQL API: explore it in the"," ",r("a",{href:"/graphql",children:"GraphQL explorer"})," (works offline). Health: ",r("a",{href:"/healthz",children:"/healthz"}),"."]})]})]})}var U=class extends Error{};function Ut(e){let t={"Content-Type":"application/json"};return e&&(t.Authorization=`Bearer ${e}`),t}function et(e){if(e.errors?.length)throw new U(e.errors.map(t=>t.message).join("; "));if(!e.data)throw new U("The server sent no data.");return e.data}async function D(e,t,n){let i=await fetch("/graphql",{method:"POST",headers:Ut(n),body:JSON.stringify({query:e.toString(),variables:t})});if(!i.ok&&i.status!==400)throw new U(`The server answered HTTP ${i.status}.`);return et(await i.json())}var O=class extends Error{};function tt(e,t,n,i,a,s){let u=new FormData;return u.append("operations",JSON.stringify({query:e.toString(),variables:t})),u.append("map",JSON.stringify({0:["variables.file"]})),u.append("0",n,i),new Promise((l,d)=>{let c=new XMLHttpRequest;c.open("POST","/graphql"),c.setRequestHeader("Authorization",`Bearer ${a}`),c.upload.onprogress=p=>{p.lengthComputable&&s(p.loaded/p.total)},c.onerror=()=>d(new O("The upload was interrupted.")),c.ontimeout=()=>d(new O("The upload timed out.")),c.onload=()=>{if(c.status===429||c.status>=500){d(new O(`The server answered HTTP ${c.status}.`));return}try{l(et(JSON.parse(c.responseText)))}catch(p){d(p instanceof U?p:new U(`HTTP ${c.status}`))}},c.send(u)})}async function nt(e,{tries:t=4,firstDelayMs:n=1e3}={}){for(let i=1;;i++)try{return await e(i)}catch(a){if(!(a instanceof O)||i>=t)throw a;await new Promise(s=>setTimeout(s,n*2**(i-1)))}}var $=class extends String{__apiType;value;__meta__;constructor(t,n){super(t),this.value=t,this.__meta__=n}toString(){return this.value}},rt=new $(`
    query CandidateSession {
  candidateSession {
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
    `),it=new $(`
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
    `),st=new $(`
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
    `),ot=new $(`
    query PublicInterview($key: String!) {
  interview(key: $key) {
    key
    title
    questions {
      id
    }
  }
}
    `),at=new $(`
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
    `),ut=new $(`
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
    `),lt=new $(`
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
    `),ct=new $(`
    query SessionCost($interviewKey: String!) {
  costReport(interviewKey: $interviewKey) {
    sessionCosts {
      sessionId
      costUsd
    }
    pricesAsOf
  }
}
    `),dt=new $(`
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
    `),_t=new $(`
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
    `);function pt({children:e}){return r(b,{children:[r("a",{class:"skip",href:"#main",children:"Skip to content"}),r("header",{class:"site",children:[r("a",{class:"brand",href:"/",children:"debrief"}),r("nav",{"aria-label":"Site",children:[r("a",{href:"/review",children:"Review"}),r("a",{href:"/graphql",children:"GraphQL explorer"})]})]}),r("main",{id:"main",tabIndex:-1,children:e})]})}function Y({children:e,level:t=1}){let n=Q(null);return E(()=>n.current?.focus(),[]),r(t===1?"h1":"h2",{ref:n,tabIndex:-1,children:e})}function M({message:e}){return r("p",{class:"error",role:"alert",children:e??""})}function q(e){if(e==null)return"—";let t=Math.max(0,Math.round(e));return`${Math.floor(t/60)}:${String(t%60).padStart(2,"0")}`}function ue(e){return e<1024?`${e} B`:`${(e/1024).toFixed(1)} KB`}function le(e){return e?new Date(e).toLocaleString():"—"}function ce(e){return e.replace(/_/g," ").toLowerCase()}function qt(e){return`/record#token=${encodeURIComponent(e)}`}function mt({interviewKey:e}){let[t,n]=h(void 0),[i,a]=h(""),[s,u]=h(""),[l,d]=h(null),[c,p]=h(!1);if(E(()=>{D(ot,{key:e},null).then(_=>n(_.interview)).catch(_=>d(_.message))},[e]),t===void 0)return r("p",{"aria-busy":"true",children:l??"Loading the interview…"});if(t===null)return r(b,{children:[r("h1",{children:"Interview not found"}),r("p",{children:["There is no public interview with the key “",e,"”. If you were invited, use the link in your invitation."]})]});let f=async _=>{_.preventDefault(),p(!0),d(null);try{let{startSession:g}=await D(at,{interviewKey:e,candidateName:i||null,candidateEmail:s||null},null);if(g.__typename!=="StartSessionResult"){d(g.message);return}location.assign(qt(g.uploadToken))}catch(g){d(g.message)}finally{p(!1)}},o=t.questions.length;return r(b,{children:[r("h1",{children:t.title}),r("p",{children:[o," question",o===1?"":"s",", answered by voice. You will need a microphone; you can listen to each answer before you send it."]}),r("form",{class:"stack",onSubmit:f,children:[r("label",{for:"candidate-name",children:"Your name"}),r("input",{id:"candidate-name",autocomplete:"name",value:i,required:!0,onInput:_=>a(_.currentTarget.value)}),r("label",{for:"candidate-email",children:"Email (optional)"}),r("input",{id:"candidate-email",type:"email",autocomplete:"email",value:s,onInput:_=>u(_.currentTarget.value)}),r("button",{type:"submit",disabled:c,children:c?"Starting…":"Start the interview"})]}),r(M,{message:l})]})}var Lt=["audio/ogg;codecs=opus","audio/webm;codecs=opus"];function ft(){let e=document.querySelector('meta[name="debrief-recorder-bitrate-bps"]'),t=Number(e?.content);return Number.isFinite(t)&&t>0?t:12e3}function yt(){return typeof MediaRecorder>"u"?null:Lt.find(e=>MediaRecorder.isTypeSupported(e))??null}var H=class extends Error{};async function ht(){if(!navigator.mediaDevices?.getUserMedia)throw new H("This browser cannot record audio here. Use a current browser over https or localhost.");try{return await navigator.mediaDevices.getUserMedia({audio:{channelCount:1,echoCancellation:!0,noiseSuppression:!0}})}catch(e){let t=e instanceof DOMException?e.name:"";throw t==="NotAllowedError"||t==="SecurityError"?new H("Microphone access was refused. Allow the microphone for this site in your browser's settings, then press “Allow microphone” again."):t==="NotFoundError"?new H("No microphone was found. Connect one and try again."):new H(`The microphone could not be opened (${t||"unknown error"}).`)}}var de=class{recorder;chunks=[];startedAt=performance.now();finished;constructor(t,n,i){this.recorder=new MediaRecorder(t,{mimeType:n,audioBitsPerSecond:i}),this.finished=new Promise((a,s)=>{this.recorder.ondataavailable=u=>{u.data.size>0&&this.chunks.push(u.data)},this.recorder.onerror=()=>s(new Error("The recording failed.")),this.recorder.onstop=()=>a({blob:new Blob(this.chunks,{type:n}),mimeType:n,durationS:(performance.now()-this.startedAt)/1e3})}),this.recorder.start()}stop(){return this.recorder.state!=="inactive"&&this.recorder.stop(),this.finished}};function Ft(e){return new URLSearchParams(e.replace(/^#/,"")).get("token")}function Bt(){return crypto.randomUUID?.()??`${Date.now()}-${Math.random().toString(16).slice(2)}`}function gt(){let e=Ft(location.hash),[t,n]=h(void 0),[i,a]=h(null),[s,u]=h(!1);return E(()=>{e&&D(rt,{},e).then(l=>n(l.candidateSession)).catch(l=>a(l.message))},[e]),e?t===void 0?r("p",{"aria-busy":"true",children:i??"Loading your interview…"}):t===null?r(b,{children:[r("h1",{children:"Link not valid"}),r("p",{children:"This recording link has expired or is not valid. Ask the interviewer for a new one."})]}):t.status==="EXPIRED"?r(b,{children:[r("h1",{children:"Link expired"}),r("p",{children:"This interview can no longer be answered. Ask the interviewer for a new link."})]}):s||t.status!=="IN_PROGRESS"?r(b,{children:[r(Y,{children:"Thank you"}),r("p",{children:["Your answers to “",t.interview.title,"” have been sent. You can close this page."]})]}):r(Qt,{session:t,token:e,onSubmitted:()=>u(!0)}):r(b,{children:[r("h1",{children:"Recording link incomplete"}),r("p",{children:"This page needs the whole link you were given (it ends with your token)."})]})}function Qt({session:e,token:t,onSubmitted:n}){let i=[...e.interview.questions].sort((v,A)=>v.position-A.position),[a,s]=h(()=>Object.fromEntries(e.recordings.map(v=>[v.question.id,{uploads:1}]))),[u,l]=h(()=>{let v=i.findIndex(A=>!(A.id in a));return v===-1?i.length-1:v}),[d,c]=h(null),[p,f]=h(null),[o,_]=h(null),[g,m]=h(!1),w=yt(),k=async()=>{if(d)return d;f(null);try{let v=await ht();return c(v),v}catch(v){return f(v instanceof H?v.message:String(v)),null}};E(()=>()=>d?.getTracks().forEach(v=>v.stop()),[d]);let y=i[u],I=i.filter(v=>v.id in a).length,P=async()=>{m(!0),_(null);try{let{submitSession:v}=await D(st,{sessionId:e.id},t);v.__typename==="Session"?n():_(v.message)}catch(v){_(v.message)}finally{m(!1)}};return w?r(b,{children:[r("h1",{children:e.interview.title}),r("p",{children:[I," of ",i.length," answered."," ",e.interview.maxRetakes>0?`You may retake each answer ${e.interview.maxRetakes===1?"once":`${e.interview.maxRetakes} times`} after sending it.`:"Each answer can be sent once."]}),!d&&r("section",{class:"card","aria-labelledby":"mic-heading",children:[r("h2",{id:"mic-heading",children:"Microphone"}),r("p",{children:"Your browser will ask to use the microphone. Nothing is recorded until you press Record."}),r("button",{type:"button",onClick:k,children:"Allow microphone"}),r(M,{message:p})]}),r(Ht,{question:y,number:u+1,total:i.length,answer:a[y.id],maxRetakes:e.interview.maxRetakes,sessionId:e.id,token:t,mimeType:w,microphone:d,allowMicrophone:k,onUploaded:v=>s(A=>({...A,[y.id]:{uploads:(A[y.id]?.uploads??0)+1,sizeBytes:v}}))},y.id),r("nav",{class:"pager","aria-label":"Questions",children:[r("button",{type:"button",disabled:u===0,onClick:()=>l(u-1),children:"Previous question"}),u<i.length-1?r("button",{type:"button",disabled:!(y.id in a),onClick:()=>l(u+1),children:"Next question"}):r("button",{type:"button",class:"primary",disabled:I<i.length||g,onClick:P,children:g?"Submitting…":"Submit interview"})]}),r(M,{message:o})]}):r(b,{children:[r("h1",{children:e.interview.title}),r(M,{message:"This browser cannot record Opus audio. Please use a current Chrome, Edge or Firefox."})]})}function Ht(e){let{question:t,answer:n,maxRetakes:i}=e,[a,s]=h("idle"),[u,l]=h(null),[d,c]=h(null),[p,f]=h(0),[o,_]=h(0),[g,m]=h(""),[w,k]=h(null),y=Q(null),I=Q(0),P=t.timeLimitSeconds,v=n?i-(n.uploads-1):null,A=!n||(v??0)>0;E(()=>()=>{d&&URL.revokeObjectURL(d)},[d]);let W=async()=>{let R=y.current;if(!R)return;y.current=null;let L=await R.stop();l(L),c(URL.createObjectURL(L.blob)),s("preview"),m(`Recorded ${q(L.durationS)}. Listen, then send it or record again.`)};E(()=>{if(a!=="recording")return;let R=setInterval(()=>{let L=(performance.now()-I.current)/1e3;f(L),P!=null&&L>=P&&W()},250);return()=>clearInterval(R)},[a]);let V=async()=>{k(null);let R=e.microphone??await e.allowMicrophone();R&&(y.current=new de(R,e.mimeType,ft()),I.current=performance.now(),f(0),l(null),c(null),s("recording"),m("Recording…"))},z=async()=>{if(!u)return;let R=Bt(),L=u.mimeType.includes("ogg")?"ogg":"webm";s("uploading"),_(0),k(null);try{let{uploadRecording:F}=await nt(Te=>(m(Te===1?"Uploading…":`Upload failed; trying again (attempt ${Te})…`),tt(it,{sessionId:e.sessionId,questionId:t.id,file:null,idempotencyKey:R},u.blob,`answer-${e.number}.${L}`,e.token,_)));if(F.__typename!=="Recording"){k(F.message),s("preview"),m("");return}e.onUploaded(F.sizeBytes),s("idle"),l(null),c(null),m(`Answer ${e.number} saved (${ue(F.sizeBytes)}).`)}catch(F){k(F instanceof U?F.message:`The upload failed: ${F.message}`),s("preview"),m("")}},C=P!=null?Math.max(0,P-p):null;return r("section",{class:"card question","aria-labelledby":`q-${t.id}`,children:[r(Y,{level:2,children:r("span",{id:`q-${t.id}`,children:["Question ",e.number," of ",e.total]})}),r("p",{class:"question-text",children:t.text}),r("p",{class:"hint",children:[P!=null?`Time limit: ${q(P)}.`:"No time limit."," ",n?v&&v>0?`Answer sent; ${v} retake${v===1?"":"s"} left.`:"Answer sent; no retakes left.":"Not answered yet."]}),a==="recording"&&r("div",{class:"recording",children:[r("span",{class:"dot","aria-hidden":"true"}),r("span",{role:"timer","aria-live":"off",children:C!=null?`${q(C)} left`:q(p)}),r("button",{type:"button",class:"primary",onClick:W,children:"Stop recording"})]}),a==="idle"&&A&&r("button",{type:"button",class:"primary",onClick:V,children:n?"Retake answer":"Record answer"}),a==="preview"&&d&&r("div",{class:"preview",children:[r("audio",{controls:!0,src:d,"aria-label":`Your answer to question ${e.number}`}),r("div",{class:"actions",children:[r("button",{type:"button",class:"primary",onClick:z,children:"Send answer"}),r("button",{type:"button",onClick:V,children:"Discard and record again"})]})]}),a==="uploading"&&r("div",{class:"upload",children:[r("label",{for:`progress-${t.id}`,children:"Upload progress"}),r("progress",{id:`progress-${t.id}`,max:1,value:o,children:[Math.round(o*100),"%"]})]}),r("p",{class:"status",role:"status",children:g}),r(M,{message:w})]})}function Se(e,t,{done:n,onError:i,intervalMs:a=3e3}={}){let s,u=!1,l=async()=>{clearTimeout(s);try{let c=await e();if(u||(t(c),n?.(c)))return}catch(c){if(u)return;i?.(c)}let d=document.hidden?a*5:a;s=setTimeout(l,d)};return l(),{stop(){u=!0,clearTimeout(s)},refresh(){u||l()}}}var ke="debrief.apiKey",vt=new Set(["COMPLETE","FAILED","EXPIRED"]);function wt(){let[e,t]=h(()=>sessionStorage.getItem(ke));if(!e)return r(Vt,{onKey:u=>{sessionStorage.setItem(ke,u),t(u)}});let n=new URLSearchParams(location.search),i=n.get("interview"),a=n.get("session");return r(b,{children:[r("div",{class:"toolbar",children:r("button",{type:"button",onClick:()=>{sessionStorage.removeItem(ke),t(null)},children:"Forget API key"})}),a?r(Wt,{apiKey:e,sessionId:a}):i?r(Ot,{apiKey:e,interviewKey:i}):r(Kt,{apiKey:e})]})}function Vt({onKey:e}){let[t,n]=h("");return r(b,{children:[r("h1",{children:"Review interviews"}),r("form",{class:"stack",onSubmit:i=>{i.preventDefault(),t.trim()&&e(t.trim())},children:[r("label",{for:"api-key",children:"Interviewer API key"}),r("input",{id:"api-key",type:"password",autocomplete:"off",value:t,required:!0,"aria-describedby":"api-key-hint",onInput:i=>n(i.currentTarget.value)}),r("p",{id:"api-key-hint",class:"hint",children:"Starts with dbk_. Kept in this tab only (sessionStorage) until you close it."}),r("button",{type:"submit",children:"Continue"})]})]})}function xe(e,t){return`${e} ${t}${e===1?"":"s"}`}function Kt({apiKey:e}){let[t,n]=h(null),[i,a]=h(null),[s,u]=h("");return E(()=>{D(_t,{first:100},e).then(l=>n(l.interviews)).catch(l=>a(l.message))},[e]),r(b,{children:[r("h1",{children:"Interviews"}),t===null?r("p",{"aria-busy":"true",children:i?"":"Loading interviews…"}):t.length===0?r("p",{children:"No interviews are visible with this API key yet."}):r("ul",{class:"interviews",children:t.map(l=>r("li",{children:[r("a",{href:`/review?interview=${encodeURIComponent(l.key)}`,children:l.title})," ",r("span",{class:"hint",children:[l.key," · ",xe(l.questions.length,"question"),l.public?" · public":""]})]},l.key))}),r("form",{class:"inline",onSubmit:l=>{l.preventDefault(),s.trim()&&location.assign(`/review?interview=${encodeURIComponent(s.trim())}`)},children:[r("label",{for:"review-interview-key",children:"Interview key"}),r("input",{id:"review-interview-key",value:s,required:!0,onInput:l=>u(l.currentTarget.value)}),r("button",{type:"submit",children:"Show sessions"})]}),r(M,{message:i})]})}function Ot({apiKey:e,interviewKey:t}){let[n,i]=h(void 0),[a,s]=h(null);if(E(()=>{let l=Se(()=>D(ut,{key:t,first:50,after:null},e),d=>{i(d.interview),s(null)},{done:d=>d.interview===null,onError:d=>s(d.message)});return()=>l.stop()},[t,e]),n===void 0)return r("p",{"aria-busy":"true",children:a??"Loading sessions…"});if(n===null)return r(b,{children:[r("h1",{children:"Interview not found"}),r("p",{children:["No interview “",t,"” is visible with this API key. ",r("a",{href:"/review",children:"Choose another"}),"."]})]});let u=n.sessions.nodes;return r(b,{children:[r("nav",{"aria-label":"Breadcrumb",children:[r("a",{href:"/review",children:"Interviews"})," › ",n.key]}),r("h1",{children:n.title}),r("p",{children:[xe(n.questions.length,"question")," · ",xe(u.length,"session")," · status updates live"]}),u.length===0?r("p",{children:"No sessions yet."}):r("table",{children:[r("caption",{children:["Sessions of ",n.title]}),r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Candidate"}),r("th",{scope:"col",children:"Status"}),r("th",{scope:"col",children:"Started"}),r("th",{scope:"col",children:"Submitted"})]})}),r("tbody",{children:u.map(l=>r("tr",{children:[r("td",{children:r("a",{href:`/review?interview=${encodeURIComponent(n.key)}&session=${encodeURIComponent(l.id)}`,children:l.candidateName??"Unnamed candidate"})}),r("td",{children:r("span",{class:`badge ${l.status.toLowerCase()}`,children:ce(l.status)})}),r("td",{children:le(l.createdAt)}),r("td",{children:le(l.submittedAt)})]},l.id))})]}),r(M,{message:a})]})}function Wt({apiKey:e,sessionId:t}){let[n,i]=h(void 0),[a,s]=h(void 0),[u,l]=h(null);E(()=>{let f=Se(()=>D(lt,{id:t},e),o=>{i(o.session),l(null)},{done:o=>o.session===null||vt.has(o.session.status),onError:o=>l(o.message)});return()=>f.stop()},[t,e]);let d=n?vt.has(n.status):!1,c=n?.interview.key;if(E(()=>{c&&D(ct,{interviewKey:c},e).then(f=>s(f.costReport.sessionCosts.find(o=>o.sessionId===t)?.costUsd??0)).catch(()=>s(null))},[c,d]),n===void 0)return r("p",{"aria-busy":"true",children:u??"Loading the session…"});if(n===null)return r(b,{children:[r("h1",{children:"Session not found"}),r("p",{children:["No such session is visible with this API key. ",r("a",{href:"/review",children:"Back to interviews"}),"."]})]});let p=[...n.recordings].sort((f,o)=>f.question.position-o.question.position);return r(b,{children:[r("nav",{"aria-label":"Breadcrumb",children:[r("a",{href:"/review",children:"Interviews"})," ›"," ",r("a",{href:`/review?interview=${encodeURIComponent(n.interview.key)}`,children:n.interview.title})," ›"," ",n.candidateName??"Unnamed candidate"]}),r(Y,{children:n.candidateName??"Unnamed candidate"}),r("dl",{class:"facts",children:[r("dt",{children:"Status"}),r("dd",{"aria-live":"polite",children:r("span",{class:`badge ${n.status.toLowerCase()}`,children:ce(n.status)})}),r("dt",{children:"Submitted"}),r("dd",{children:le(n.submittedAt)}),r("dt",{children:"Measured cost"}),r("dd",{children:a===void 0?"…":a===null?"unavailable":`$${a.toFixed(4)}`})]}),n.failureReason&&r(M,{message:n.failureReason}),n.analysis&&r("section",{class:"card","aria-labelledby":"overall",children:[r("h2",{id:"overall",children:"Overall analysis"}),r("p",{children:[n.analysis.score!=null&&r("strong",{children:["Score ",n.analysis.score.toFixed(1),". "]}),n.analysis.recommendation&&r(b,{children:["Recommendation: ",n.analysis.recommendation,". "]}),n.analysis.summary]}),r("p",{class:"hint",children:["By ",n.analysis.provider,n.analysis.model?` (${n.analysis.model})`:"","."]})]}),r("p",{class:"hint",children:"Audio is fetched only when you press Play: each press asks the server for one short-lived signed link. Everything else on this page comes from the database."}),p.map(f=>r(zt,{answer:f,apiKey:e},f.id)),r(M,{message:u})]})}function zt({answer:e,apiKey:t}){let n=Q(null),[i,a]=h(null),[s,u]=h(null),[l,d]=h(!1),c=Q(null),p=e.question.position,f=async()=>{if(i)return!0;d(!0);try{let{recording:m}=await D(dt,{id:e.id},t),w=m?.downloadUrl;return w?.__typename==="DownloadUrl"?(a(w.url),!0):(u(w?.__typename==="ArchivedRecording"?`This answer is archived (${w.storageClass}, restore ${w.restoreStatus}).`:"The recording is no longer available."),!1)}catch(m){return u(m.message),!1}finally{d(!1)}};E(()=>{let m=n.current;!i||!m||(c.current!=null&&(m.currentTime=c.current),c.current=null,m.play().catch(()=>{}),m.focus())},[i]);let o=()=>{f()},_=async m=>{if(!i){c.current=m,await f();return}let w=n.current;w&&(w.currentTime=m,w.play().catch(()=>{}))},g=e.analysis?.metrics;return r("section",{class:"card answer","aria-labelledby":`answer-${e.id}`,children:[r("h2",{id:`answer-${e.id}`,children:["Question ",p,": ",e.question.text]}),r("p",{class:"hint",children:[ce(e.status)," · ",q(e.durationSeconds)," · ",ue(e.sizeBytes)," ",e.codec]}),i?r("audio",{ref:n,controls:!0,src:i,"aria-label":`Answer to question ${p}`}):r("button",{type:"button",onClick:o,disabled:l,children:l?"Fetching audio…":`Play answer ${p}`}),s&&r("p",{role:"status",children:s}),e.transcript?r("div",{class:"transcript",children:[r("h3",{children:"Transcript"}),r("ol",{class:"segments","aria-label":`Transcript of answer ${p}; press a line to hear it`,children:e.transcript.segments.map((m,w)=>r("li",{children:r("button",{type:"button",class:"segment",onClick:()=>{_(m.start)},children:[r("span",{class:"time",children:q(m.start)})," ",m.text.trim()]})},w))}),r("p",{class:"hint",children:["By ",e.transcript.provider," (",e.transcript.model,")."]})]}):r("p",{class:"hint",children:["Transcript: ",e.status==="FAILED"?"failed":"pending…"]}),g&&r("dl",{class:"metrics","aria-label":`Speech metrics of answer ${p}`,children:[r("dt",{children:"Words per minute"}),r("dd",{children:g.wordsPerMinute.toFixed(0)}),r("dt",{children:"Filler rate"}),r("dd",{children:[(g.fillerRate*100).toFixed(1),"%"]}),r("dt",{children:"Speech"}),r("dd",{children:q(g.speechSeconds)}),r("dt",{children:"Words"}),r("dd",{children:g.wordCount})]}),e.analysis?.summary&&r("div",{class:"analysis",children:[r("h3",{children:"Analysis"}),r("p",{children:[e.analysis.score!=null&&r("strong",{children:["Score ",e.analysis.score.toFixed(1),". "]}),e.analysis.summary]}),e.analysis.strengths.length>0&&r(b,{children:[r("h4",{children:"Strengths"}),r("ul",{children:e.analysis.strengths.map(m=>r("li",{children:m},m))})]}),e.analysis.concerns.length>0&&r(b,{children:[r("h4",{children:"Concerns"}),r("ul",{children:e.analysis.concerns.map(m=>r("li",{children:m},m))})]})]})]})}function jt(e){let t=/^\/interview\/([^/]+)\/?$/.exec(e);return t?r(mt,{interviewKey:decodeURIComponent(t[1])}):e==="/record"?r(gt,{}):e==="/review"?r(wt,{}):r(Ze,{})}var bt=document.getElementById("app");bt&&Qe(r(pt,{children:jt(location.pathname)}),bt);
